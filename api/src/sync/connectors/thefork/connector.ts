// TheFork B2B API (docs.thefork.io): bearer token from client credentials,
// reservations under /v1. No idempotency key: after a lost answer the create
// is looked up by our tag among the day's reservations before any retry.
import type { ConnectorSettings, ExternalReservation, PlatformConnector, PushResult, SlotAvailability } from '../../types.ts';
import { PlatformError } from '../../types.ts';
import { platformFetch } from '../../http.ts';
import { fromTheFork, mealDateOf, toTheFork, type TheForkReservation } from './mapping.ts';
import { theforkTokens } from './token.ts';

const PAGE_SIZE = 100;
const MAX_PAGES = 20;

export function theforkConnector(s: ConnectorSettings): PlatformConnector {
  const base = `${s.baseUrls.thefork.replace(/\/$/, '')}/v1`;
  const tokens = theforkTokens(s);
  const rid = s.externalRestaurantId;

  async function call(method: string, path: string, body?: unknown) {
    for (let attempt = 0; ; attempt++) {
      const headers = { authorization: `Bearer ${await tokens.token()}` };
      try {
        return await platformFetch({ method, url: `${base}${path}`, headers, body, timeoutMs: s.timeoutMs });
      } catch (e) {
        // A token revoked early: ask once for a new one.
        if (e instanceof PlatformError && e.kind === 'auth' && attempt === 0) { tokens.invalidate(); await s.tokens.set('', new Date(0)); continue; }
        throw e;
      }
    }
  }

  const pushed = (body: unknown, fallbackId?: string): PushResult => {
    const r = body as Partial<TheForkReservation> & { reservationUuid?: string } | null;
    const id = r?.id ?? r?.reservationUuid ?? fallbackId;
    if (!id) throw new PlatformError('retryable', 'TheFork answered without a reservation id');
    return { externalId: id, updatedAt: r?.updatedAt ?? null, raw: r };
  };

  async function get(id: string): Promise<ExternalReservation | null> {
    const r = await call('GET', `/reservations/${encodeURIComponent(id)}`);
    return r.status === 404 ? null : fromTheFork(r.body as TheForkReservation);
  }

  async function list(filterBy: 'updatedDate' | 'mealDate', startDate: string, endDate: string): Promise<ExternalReservation[]> {
    const out: ExternalReservation[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const q = new URLSearchParams({ restaurantUuid: rid, startDate, endDate, filterBy, page: String(page), limit: String(PAGE_SIZE) });
      const r = await call('GET', `/reservations?${q}`);
      const ids = ((r.body as { data?: Array<string | { id: string }> } | null)?.data ?? []).map((x) => (typeof x === 'string' ? x : x.id));
      for (const id of ids) { const x = await get(id); if (x) out.push(x); }
      if (ids.length < PAGE_SIZE) break;
    }
    return out;
  }

  return {
    platform: 'thefork',
    async authenticate() { await tokens.token(); },
    async create(b) {
      return pushed((await call('POST', `/restaurants/${rid}/reservations`, toTheFork(b))).body);
    },
    async update(id, b) {
      // Only the meal date and the party size can change through the API.
      const r = await call('PATCH', `/reservations/${encodeURIComponent(id)}`, { mealDate: mealDateOf(b), partySize: b.partySize });
      if (r.status === 404) throw new PlatformError('not_found', `TheFork reservation ${id} not found`, { status: 404 });
      return pushed(r.body, id);
    },
    async cancel(id) {
      const r = await call('PATCH', `/reservations/${encodeURIComponent(id)}/cancel`);
      if (r.status === 404) throw new PlatformError('not_found', `TheFork reservation ${id} not found`, { status: 404 });
      return pushed(r.body, id);
    },
    get,
    async findByReference(b) {
      const sameDay = await list('mealDate', `${b.day}T00:00:00`, `${b.day}T23:59:59`);
      return sameDay.find((x) => x.note?.includes(b.tag)) ?? null;
    },
    async changedSince(cursor, now) {
      const since = cursor ?? new Date(now.getTime() - 86_400_000).toISOString();
      return { items: await list('updatedDate', since, now.toISOString()), cursor: now.toISOString() };
    },
    async availability(day, partySize) {
      const r = await call('GET', `/restaurants/${rid}/timeslots?${new URLSearchParams({ date: day, partySize: String(partySize) })}`);
      const slots = (r.body as { data?: Array<{ time: string; available?: boolean }> } | null)?.data ?? [];
      // TheFork answers yes or no for the party asked about: a "no" only says that party no longer fits.
      return slots.map((x): SlotAvailability => {
        const available = x.available !== false;
        return { day, time: x.time.slice(0, 5), available, possibleGuests: available ? [partySize] : [], maxGuests: available ? null : partySize - 1 };
      });
    },
    async catalog() {
      const r = await call('GET', `/restaurants/${rid}/offers`);
      const offers = (r.body as { data?: Array<{ uuid?: string; id?: string; name: string }> } | null)?.data ?? [];
      return { services: [], rooms: [], offers: offers.map((o) => ({ externalId: String(o.uuid ?? o.id), name: o.name })) };
    },
  };
}
