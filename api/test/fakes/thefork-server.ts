// A fake TheFork B2B API: Auth0 client credentials (8,600 s tokens), reservations
// under /v1 (ids list with filterBy=updatedDate|mealDate, then one GET each),
// create with 409 DOUBLE_BOOKING, PATCH and PATCH …/cancel, timeslots, offers,
// and thin webhooks authenticated by a token in the URL.
import { randomUUID } from 'node:crypto';
import { fakeHttp, stampClock, type FakeRequest } from '../sync/fake-http.ts';

export interface TheForkRow {
  id: string; restaurantUuid: string; mealDate: string; partySize: number; status: string; mealStatus: string | null;
  customer: { firstName: string | null; lastName: string | null; phone: string | null; email: string | null };
  customerNote: string | null; restaurantNote: string | null; offerUuid: string | null; createdAt: string; updatedAt: string;
}

export const THEFORK_TOKEN_TTL_S = 8600;

export function startFakeTheFork(opts: { clientId: string; clientSecret: string; restaurantUuid: string }) {
  const reservations = new Map<string, TheForkRow>();
  const tokens = new Set<string>();
  const full = new Set<string>();
  const stamp = stampClock();
  let tokenRequests = 0;
  const authOk = (r: FakeRequest) => tokens.has(String(r.headers.authorization ?? '').replace(/^Bearer /, ''));
  const denied = { status: 401, body: { code: 'UNAUTHORIZED' } };

  function save(r: Partial<TheForkRow> & { mealDate: string; partySize: number }, id: string = randomUUID()): TheForkRow {
    const prev = reservations.get(id);
    const now = stamp();
    const row: TheForkRow = {
      id, restaurantUuid: opts.restaurantUuid, status: 'RECORDED', mealStatus: null, customerNote: null, restaurantNote: null, offerUuid: null,
      customer: { firstName: null, lastName: null, phone: null, email: null }, ...prev, ...r, createdAt: prev?.createdAt ?? now, updatedAt: now,
    };
    reservations.set(id, row);
    return row;
  }

  const http = fakeHttp([
    ['POST', '/oauth/token', (r) => {
      const b = r.body as { client_id?: string; client_secret?: string; audience?: string; grant_type?: string };
      if (b.client_id !== opts.clientId || b.client_secret !== opts.clientSecret || b.grant_type !== 'client_credentials') return { status: 401, body: { error: 'access_denied' } };
      tokenRequests++;
      const token = randomUUID();
      tokens.add(token);
      return { status: 200, body: { access_token: token, expires_in: THEFORK_TOKEN_TTL_S, token_type: 'Bearer' } };
    }],
    ['GET', '/manager/v1/reservations', (r) => {
      if (!authOk(r)) return denied;
      const by = r.query.get('filterBy') === 'mealDate' ? 'mealDate' : 'updatedAt';
      const start = r.query.get('startDate') ?? '', end = r.query.get('endDate') ?? '9999';
      const page = Number(r.query.get('page') ?? 1), limit = Number(r.query.get('limit') ?? 100);
      const ids = [...reservations.values()].filter((x) => x[by] >= start && x[by] <= end).map((x) => x.id);
      return { status: 200, body: { data: ids.slice((page - 1) * limit, page * limit), page, limit, total: ids.length } };
    }],
    ['GET', '/manager/v1/reservations/:id', (r, p) => {
      if (!authOk(r)) return denied;
      const x = reservations.get(p.id!);
      return x ? { status: 200, body: x } : { status: 404, body: { code: 'RESERVATION_NOT_FOUND' } };
    }],
    ['POST', '/manager/v1/restaurants/:rid/reservations', (r) => {
      if (!authOk(r)) return denied;
      const b = r.body as TheForkRow;
      if (full.has(b.mealDate.slice(0, 16))) return { status: 409, body: { code: 'DOUBLE_BOOKING', message: 'The time slot is no longer available' } };
      return { status: 201, body: save({ ...b, status: 'RECORDED' }) };
    }],
    ['PATCH', '/manager/v1/reservations/:id', (r, p) => {
      if (!authOk(r)) return denied;
      const prev = reservations.get(p.id!);
      if (!prev) return { status: 404, body: { code: 'RESERVATION_NOT_FOUND' } };
      const b = r.body as { mealDate?: string; partySize?: number };
      if (b.mealDate && b.mealDate !== prev.mealDate && full.has(b.mealDate.slice(0, 16))) return { status: 409, body: { code: 'DOUBLE_BOOKING' } };
      return { status: 200, body: save({ ...prev, ...b }, prev.id) };
    }],
    ['PATCH', '/manager/v1/reservations/:id/cancel', (r, p) => {
      if (!authOk(r)) return denied;
      const prev = reservations.get(p.id!);
      if (!prev) return { status: 404, body: { code: 'RESERVATION_NOT_FOUND' } };
      return { status: 200, body: save({ ...prev, status: 'CANCELED' }, prev.id) };
    }],
    ['GET', '/manager/v1/restaurants/:rid/timeslots', (r) => {
      if (!authOk(r)) return denied;
      const date = r.query.get('date') ?? '';
      const times = ['19:00', '19:15', '19:30', '19:45', '20:00', '20:15', '20:30', '20:45', '21:00'];
      return { status: 200, body: { data: times.map((time) => ({ time, available: !full.has(`${date}T${time}`) })) } };
    }],
    ['GET', '/manager/v1/restaurants/:rid/offers', (r) => authOk(r) ? { status: 200, body: { data: [{ uuid: 'offer-30', name: '-30 % sur la carte' }] } } : denied],
  ]);

  return {
    ...http,
    reservations,
    get tokenRequests() { return tokenRequests; },
    /** The slot at "YYYY-MM-DDTHH:MM" is taken: creates there answer 409 DOUBLE_BOOKING. */
    fill(mealDateMinute: string) { full.add(mealDateMinute); },
    /** The slot takes bookings again. */
    reopen(mealDateMinute: string) { full.delete(mealDateMinute); },
    /** A booking made by a guest on TheFork. */
    book(r: { mealDate: string; partySize: number; firstName?: string; status?: string }) {
      return save({ mealDate: r.mealDate, partySize: r.partySize, status: r.status ?? 'RECORDED', customer: { firstName: r.firstName ?? 'Guest', lastName: 'TheFork', phone: null, email: null } });
    },
    change(id: string, patch: Partial<TheForkRow>) { const prev = reservations.get(id)!; return save({ ...prev, ...patch }, id); },
    /** A thin webhook, as TheFork sends it: the receiver must re-fetch. */
    async webhook(url: string, uuid: string, eventType = 'reservationUpdated') {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entityType: 'RESERVATION', eventType, uuid, groupUuid: null, restaurantUuid: opts.restaurantUuid }) });
      return { status: res.status, body: (await res.json()) as unknown };
    },
  };
}
export type FakeTheFork = ReturnType<typeof startFakeTheFork>;
