// TheFork B2B reservation JSON ↔ our shapes. `mealDate` is the restaurant's
// wall-clock time; only its date and minutes are read.
import type { ExternalReservation, LocalBooking } from '../../types.ts';
import { theforkStatus } from '../../status-maps.ts';

export interface TheForkReservation {
  id: string;
  restaurantUuid?: string;
  mealDate: string;
  partySize: number;
  status: string;
  mealStatus?: string | null;
  customer?: { firstName?: string | null; lastName?: string | null; phone?: string | null; email?: string | null } | null;
  customerNote?: string | null;
  restaurantNote?: string | null;
  offerUuid?: string | null;
  updatedAt?: string | null;
  createdAt?: string | null;
}

export function fromTheFork(r: TheForkReservation): ExternalReservation | null {
  const status = theforkStatus(r.status, r.mealStatus);
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(r.mealDate);
  if (!status || !m) return null;
  return {
    externalId: r.id, updatedAt: r.updatedAt ?? r.createdAt ?? r.mealDate,
    day: m[1]!, time: m[2]!, partySize: r.partySize, status, platformStatus: r.mealStatus ? `${r.status}/${r.mealStatus}` : r.status,
    name: [r.customer?.firstName, r.customer?.lastName].filter(Boolean).join(' ') || 'Client TheFork',
    phone: r.customer?.phone ?? null,
    note: [r.restaurantNote, r.customerNote].filter(Boolean).join(' ') || null,
    serviceExternalId: null,
  };
}

export const mealDateOf = (b: Pick<LocalBooking, 'day' | 'time'>) => `${b.day}T${b.time}:00`;

export function toTheFork(b: LocalBooking) {
  return {
    mealDate: mealDateOf(b), partySize: b.partySize,
    customer: { firstName: b.firstName, lastName: b.lastName, phone: b.phone, email: b.email, locale: 'fr_FR', civility: null },
    customerNote: b.notes ?? undefined,
    // Our tag in the restaurant's note finds the booking again after a lost answer.
    restaurantNote: b.tag,
  };
}

/**
 * True when TheFork shows our booking otherwise than we can write it: its API
 * takes a meal date, a party size and a cancellation, never another status.
 */
export function theforkDiffers(b: LocalBooking, x: ExternalReservation): boolean {
  return x.day !== b.day || x.time !== b.time || x.partySize !== b.partySize || (b.status === 'cancelled') !== (x.status === 'cancelled');
}
