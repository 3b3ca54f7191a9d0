// Zenchef booking JSON ↔ our shapes (field names as the partner API uses them).
import type { ExternalReservation, LocalBooking } from '../../types.ts';
import { LOCAL_TO_ZENCHEF, ZENCHEF_TO_LOCAL } from '../../status-maps.ts';

export interface ZenchefBooking {
  id: number | string;
  day: string;
  time: string;
  nb_guests: number;
  firstname?: string | null;
  lastname?: string | null;
  phone_number?: string | null;
  email?: string | null;
  comment?: string | null;
  private_comment?: string | null;
  status: string;
  shift_slot?: { shift?: { id?: number | string; name?: string } | null } | null;
  updated_at?: string | null;
  created_at?: string | null;
}

/** Zenchef wraps single objects in `data` on some endpoints and not others. */
export function unwrap<T>(body: unknown): T {
  const b = body as { data?: unknown } | null;
  return (b && typeof b === 'object' && 'data' in b && b.data && !Array.isArray(b.data) ? b.data : body) as T;
}

export function fromZenchef(b: ZenchefBooking): ExternalReservation | null {
  const status = ZENCHEF_TO_LOCAL[b.status];
  if (!status) return null;
  return {
    externalId: String(b.id),
    updatedAt: b.updated_at ?? b.created_at ?? `${b.day}T${b.time}:${b.status}`,
    day: b.day, time: b.time.slice(0, 5), partySize: b.nb_guests, status, platformStatus: b.status,
    name: [b.firstname, b.lastname].filter(Boolean).join(' ') || 'Client Zenchef',
    phone: b.phone_number ?? null,
    note: [b.private_comment, b.comment].filter(Boolean).join(' ') || null,
    serviceExternalId: b.shift_slot?.shift?.id != null ? String(b.shift_slot.shift.id) : null,
  };
}

export function toZenchef(b: LocalBooking) {
  return {
    day: b.day, time: b.time, nb_guests: b.partySize,
    firstname: b.firstName, lastname: b.lastName,
    phone_number: b.phone, email: b.email,
    comment: b.notes ?? '',
    // The private comment carries our tag: staff do not see it as a guest note, and it finds the booking again.
    private_comment: b.tag,
    status: LOCAL_TO_ZENCHEF[b.status],
  };
}

/** True when Zenchef shows our booking otherwise than we write it: day, time, covers or status. */
export function zenchefDiffers(b: LocalBooking, x: ExternalReservation): boolean {
  return x.day !== b.day || x.time !== b.time || x.partySize !== b.partySize || x.status !== ZENCHEF_TO_LOCAL[LOCAL_TO_ZENCHEF[b.status]];
}
