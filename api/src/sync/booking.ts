// Our reservation as pushed to a platform, and the tag that finds it again.
// Platforms have no idempotency key, so the tag in a note is our reference.
import { toLocal } from '../domain/calendar.ts';
import type { ReservationStatus } from '../domain/status-machines.ts';
import type { LocalBooking } from './types.ts';

const TAG_RE = /\[VO:([A-Za-z0-9_-]{8,64})\]/;

export const tagFor = (reservationId: string) => `[VO:${reservationId}]`;

export function tagOf(note: string | null | undefined): string | null {
  return note ? TAG_RE.exec(note)?.[1] ?? null : null;
}

export function toBooking(r: {
  id: string; startsAt: Date; partySize: number; status: ReservationStatus; customerName: string;
  customerPhone: string | null; customerEmail: string | null; notes: string | null;
}, timeZone: string): LocalBooking {
  const local = toLocal(r.startsAt, timeZone);
  const parts = r.customerName.trim().split(/\s+/);
  return {
    reservationId: r.id, tag: tagFor(r.id), day: local.date, time: local.time, partySize: r.partySize, status: r.status,
    firstName: parts.length > 1 ? parts.slice(0, -1).join(' ') : '', lastName: parts.at(-1) ?? r.customerName,
    phone: r.customerPhone, email: r.customerEmail, notes: r.notes,
  };
}
