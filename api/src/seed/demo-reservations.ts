// Demo reservations from yesterday to a few days ahead. Today's tables get the
// status their time calls for (confirmed, seated, then completed), so the floor
// plan never shows a guest seated at a table that is still in the future.
import type { Allergen, ReservationStatus, Source } from '../generated/prisma/client.ts';
import { localToUtc, plusMinutes, serviceDate } from './demo-clock.ts';
import { demoCustomer, fullName } from './demo-customers.ts';
import { turnMinutes, type DemoServiceName } from './demo-venue.ts';

interface ReservationSpec {
  day: number; time: string; service: DemoServiceName; partySize: number;
  /** 'auto' = from the clock: confirmed before the start, seated during, completed after. */
  status: ReservationStatus | 'auto';
  source: Source;
  customer?: string; guest?: { name: string; phone: string; email?: string };
  room: string; tables: string[];
  notes?: string; allergies?: Allergen[]; allergyNotes?: string; cancelReason?: string;
  callKey?: string;
  /** Hours before `now` the booking was made (ignored when it came from a seeded call). */
  bookedHoursAgo: number;
}

export interface ReservationDraft {
  idempotencyKey: string;
  startsAt: Date; endsAt: Date; partySize: number; status: ReservationStatus; source: Source;
  customerKey: string | null; customerName: string; customerPhone: string | null; customerEmail: string | null;
  service: DemoServiceName; room: string; tables: string[];
  notes: string | null; allergies: Allergen[]; allergyNotes: string | null;
  callKey: string | null; prepaymentRequired: boolean; cancelReason: string | null;
  createdAt: Date; statusChangedAt: Date;
}

const SPECS: ReservationSpec[] = [
  { day: -1, time: '20:00', service: 'Dîner', partySize: 4, status: 'completed', source: 'dashboard', customer: 'marc',
    room: 'Salle principale', tables: ['T5'], bookedHoursAgo: 96 },
  { day: -1, time: '20:30', service: 'Dîner', partySize: 2, status: 'no_show', source: 'thefork',
    guest: { name: 'Julien Morel', phone: '+33611223344', email: 'julien.morel@example.fr' },
    room: 'Salle principale', tables: ['T1'], notes: 'Réservé via TheFork (-20 % sur la carte).', bookedHoursAgo: 80 },
  { day: 0, time: '12:30', service: 'Déjeuner', partySize: 2, status: 'auto', source: 'zenchef',
    guest: { name: 'Claire Dubois', phone: '+33687654321' },
    room: 'Terrasse', tables: ['E2'], notes: 'En terrasse si possible.', bookedHoursAgo: 30 },
  { day: 0, time: '20:00', service: 'Dîner', partySize: 6, status: 'auto', source: 'dashboard', customer: 'sophie',
    room: 'Salle principale', tables: ['T5', 'T6'], notes: 'Dîner entre amis.', allergies: ['nuts'],
    allergyNotes: 'Une convive allergique aux fruits à coque.', bookedHoursAgo: 52 },
  { day: 0, time: '21:00', service: 'Dîner', partySize: 2, status: 'cancelled', source: 'phone_ai', customer: 'thomas',
    room: 'Terrasse', tables: [], cancelReason: 'Empêchement, le client rappellera.', bookedHoursAgo: 26 },
  { day: 1, time: '19:30', service: 'Dîner', partySize: 3, status: 'confirmed', source: 'phone_ai', customer: 'lea',
    room: 'Terrasse', tables: ['E4'], notes: 'Avec une poussette.', callKey: 'resa_lea', bookedHoursAgo: 20 },
  { day: 2, time: '12:45', service: 'Déjeuner', partySize: 9, status: 'pending', source: 'dashboard', customer: 'jeanpierre',
    room: 'Salle principale', tables: ['T5', 'T6', 'T7'], notes: 'Anniversaire (70 ans) : la famille apporte le gâteau.',
    bookedHoursAgo: 6 },
  { day: 3, time: '20:15', service: 'Dîner', partySize: 2, status: 'confirmed', source: 'thefork',
    guest: { name: 'Emma Leroy', phone: '+33699887766' }, room: 'Terrasse', tables: ['E1'], bookedHoursAgo: 3 },
];

const resaKey = (index: number): string => `seed-resa-${index + 1}`;

/** What the caller asked for, so the call transcript and the booking agree. */
export interface CallBooking { date: string; time: string; partySize: number; notes: string | null; idempotencyKey: string }

export function reservationBookedByCall(now: Date, callKey: string): CallBooking {
  const i = SPECS.findIndex((x) => x.callKey === callKey);
  const s = SPECS[i];
  if (!s) throw new Error(`No demo reservation for call "${callKey}"`);
  return { date: serviceDate(now, s.day), time: s.time, partySize: s.partySize, notes: s.notes ?? null, idempotencyKey: resaKey(i) };
}

export function buildDemoReservations(now: Date, bookedDuringCall: (callKey: string) => Date): ReservationDraft[] {
  return SPECS.map((s, i) => {
    const startsAt = localToUtc(serviceDate(now, s.day), s.time);
    const endsAt = plusMinutes(startsAt, turnMinutes(s.partySize));
    const status: ReservationStatus = s.status !== 'auto' ? s.status
      : now >= endsAt ? 'completed' : now >= startsAt ? 'seated' : 'confirmed';
    const createdAt = s.callKey ? bookedDuringCall(s.callKey) : plusMinutes(now, -s.bookedHoursAgo * 60);
    const changed: Record<ReservationStatus, Date> = {
      pending: createdAt, confirmed: createdAt, seated: startsAt, completed: endsAt,
      no_show: plusMinutes(startsAt, 20), cancelled: plusMinutes(now, -60),
    };
    const customer = s.customer ? demoCustomer(s.customer) : null;
    return {
      idempotencyKey: resaKey(i),
      startsAt, endsAt, partySize: s.partySize, status, source: s.source,
      customerKey: customer?.key ?? null,
      customerName: customer ? fullName(customer) : s.guest?.name ?? 'Client',
      customerPhone: customer?.phone ?? s.guest?.phone ?? null,
      customerEmail: customer?.email ?? s.guest?.email ?? null,
      service: s.service, room: s.room, tables: s.tables,
      notes: s.notes ?? null, allergies: s.allergies ?? [], allergyNotes: s.allergyNotes ?? null,
      callKey: s.callKey ?? null,
      // Same rule as the service's prepaymentAboveGuests (8).
      prepaymentRequired: s.partySize > 8,
      cancelReason: s.cancelReason ?? null,
      createdAt, statusChangedAt: changed[status],
    };
  });
}
