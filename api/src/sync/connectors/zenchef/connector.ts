// Zenchef partner API: bookings on /api/v1, availability and shifts on /api/v2,
// `auth-token` + `restaurantId` headers. No idempotency key: a create whose
// answer was lost is found again by the tag in its private comment.
import type { ConnectorSettings, PlatformConnector, LocalBooking, ExternalReservation, PushResult, SlotAvailability } from '../../types.ts';
import { PlatformError } from '../../types.ts';
import { platformFetch } from '../../http.ts';
import { fromZenchef, toZenchef, unwrap, type ZenchefBooking } from './mapping.ts';

// A slot no longer available answers 400 or 412.
const CONFLICT = [400, 412];
const PAGE_LIMIT = 20;

export function zenchefConnector(s: ConnectorSettings): PlatformConnector {
  const token = s.credentials.authToken;
  const base = s.baseUrls.zenchef.replace(/\/$/, '');
  const v1 = `${base}/api/v1`, v2 = `${base}/api/v2`;
  const headers = (write: boolean) => ({
    'auth-token': token ?? '', restaurantId: s.externalRestaurantId,
    ...(write ? { PublisherName: s.credentials.publisherName ?? 'VoiceOrder' } : {}),
  });
  const call = (method: string, url: string, body?: unknown) =>
    platformFetch({ method, url, headers: headers(method !== 'GET'), body, timeoutMs: s.timeoutMs }, method === 'GET' ? [] : CONFLICT);

  const pushed = (body: unknown): PushResult => {
    const b = unwrap<ZenchefBooking>(body);
    if (b?.id == null) throw new PlatformError('retryable', 'Zenchef answered without a booking id');
    return { externalId: String(b.id), updatedAt: b.updated_at ?? null, raw: b };
  };

  async function search(filters: Array<[string, string, string]>): Promise<ExternalReservation[]> {
    const out: ExternalReservation[] = [];
    for (let page = 1; page <= PAGE_LIMIT; page++) {
      const q = new URLSearchParams({ page: String(page) });
      filters.forEach(([field, operator, value], i) => {
        q.set(`filters[${i}][field]`, field); q.set(`filters[${i}][operator]`, operator); q.set(`filters[${i}][value]`, value);
      });
      const r = await call('GET', `${v1}/bookings?${q}`);
      const body = r.body as { data?: ZenchefBooking[]; paginator?: { current_page?: number; last_page?: number } } | null;
      for (const b of body?.data ?? []) { const x = fromZenchef(b); if (x) out.push(x); }
      if (!body?.paginator || (body.paginator.current_page ?? page) >= (body.paginator.last_page ?? page)) break;
    }
    return out;
  }

  return {
    platform: 'zenchef',
    async authenticate() {
      if (!token) throw new PlatformError('auth', 'Zenchef auth-token missing');
      await call('GET', `${v2}/restaurants/${s.externalRestaurantId}/shifts`);
    },
    async create(b) {
      return pushed((await call('POST', `${v1}/bookings?force=1&with-confirmation=1`, toZenchef(b))).body);
    },
    async update(id, b) {
      const r = await call('PUT', `${v1}/bookings/${id}?force=1&with-confirmation=1`, toZenchef(b));
      if (r.status === 404) throw new PlatformError('not_found', `Zenchef booking ${id} not found`, { status: 404 });
      return pushed(r.body);
    },
    async cancel(id) {
      const r = await call('PATCH', `${v1}/bookings/${id}/changeStatus`, { status: 'canceled' });
      if (r.status === 404) throw new PlatformError('not_found', `Zenchef booking ${id} not found`, { status: 404 });
      return pushed(r.body);
    },
    async get(id) {
      const r = await call('GET', `${v1}/bookings/${id}`);
      return r.status === 404 ? null : fromZenchef(unwrap<ZenchefBooking>(r.body));
    },
    async findByReference(b: LocalBooking) {
      const sameDay = await search([['day', '=', b.day]]);
      return sameDay.find((x) => x.note?.includes(b.tag)) ?? null;
    },
    async changedSince(cursor, now) {
      const since = cursor ?? new Date(now.getTime() - 86_400_000).toISOString();
      const items = await search([['updated_at', '>=', since]]);
      return { items, cursor: now.toISOString() };
    },
    async availability(day, partySize) {
      const q = new URLSearchParams({ 'date-begin': day, 'date-end': day, with: 'possible_guests' });
      const r = await call('GET', `${v2}/restaurants/${s.externalRestaurantId}/availabilities?${q}`);
      const days = (r.body as { data?: Array<{ date: string; shifts?: Array<{ shift_slots?: Array<{ name: string; closed?: boolean; marked_as_full?: boolean; possible_guests?: number[] }> }> }> })?.data ?? [];
      const out: SlotAvailability[] = [];
      for (const d of days) for (const sh of d.shifts ?? []) for (const slot of sh.shift_slots ?? []) {
        const guests = slot.possible_guests ?? [];
        const shut = Boolean(slot.closed || slot.marked_as_full);
        out.push({
          day: d.date, time: slot.name.slice(0, 5), possibleGuests: guests, available: !shut && guests.includes(partySize),
          maxGuests: shut || guests.length === 0 ? 0 : Math.max(...guests),
        });
      }
      return out;
    },
    async catalog() {
      const r = await call('GET', `${v2}/restaurants/${s.externalRestaurantId}/shifts`);
      const body = r.body as { data?: Array<{ id: number | string; name: string }>; rooms?: Array<{ id: number | string; name: string }> } | null;
      const offers = await call('GET', `${v1}/offers`);
      return {
        services: (body?.data ?? []).map((x) => ({ externalId: String(x.id), name: x.name })),
        rooms: (body?.rooms ?? []).map((x) => ({ externalId: String(x.id), name: x.name })),
        offers: ((offers.body as { data?: Array<{ id: number | string; name: string }> } | null)?.data ?? []).map((x) => ({ externalId: String(x.id), name: x.name })),
      };
    },
  };
}
