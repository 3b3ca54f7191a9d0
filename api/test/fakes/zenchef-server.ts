// A fake Zenchef partner API, faithful to the known shapes: bookings on /api/v1
// (auth-token + restaurantId headers, filters[n][field|operator|value] search
// with a paginator, changeStatus), availability and shifts on /api/v2, 400/412
// for a slot no longer available, and signed webhooks.
import { createHmac } from 'node:crypto';
import { fakeHttp, stampClock, type FakeRequest } from '../sync/fake-http.ts';

export interface ZenchefBookingRow {
  id: number; day: string; time: string; nb_guests: number; firstname: string | null; lastname: string | null;
  phone_number: string | null; email: string | null; comment: string | null; private_comment: string | null;
  status: string; shift_slot: { shift: { id: number; name: string } } | null; created_at: string; updated_at: string; url: string | null;
}

export function startFakeZenchef(opts: { token: string; restaurantId: string; webhookSecret: string }) {
  const bookings = new Map<number, ZenchefBookingRow>();
  const full = new Set<string>();
  // The largest party a slot still takes, once other channels have narrowed it.
  const narrowed = new Map<string, number>();
  const fits = (key: string, guests: number) => !full.has(key) && guests <= (narrowed.get(key) ?? Infinity);
  const stamp = stampClock();
  let nextId = 1000;
  const authOk = (r: FakeRequest) => r.headers['auth-token'] === opts.token && r.headers['restaurantid'] === opts.restaurantId;
  const denied = { status: 401, body: { message: 'Unauthenticated.' } };
  const shift = (time: string) => (time < '17:00' ? { id: 1, name: 'Déjeuner' } : { id: 2, name: 'Dîner' });

  function save(b: Partial<ZenchefBookingRow> & { day: string; time: string; nb_guests: number }, id = ++nextId): ZenchefBookingRow {
    const now = stamp();
    const prev = bookings.get(id);
    const row: ZenchefBookingRow = {
      id, firstname: null, lastname: null, phone_number: null, email: null, comment: null, private_comment: null, status: 'confirmed', url: null,
      ...prev, ...b, shift_slot: { shift: shift(b.time) }, created_at: prev?.created_at ?? now, updated_at: now,
    };
    bookings.set(id, row);
    return row;
  }

  const matches = (b: ZenchefBookingRow, q: URLSearchParams) => {
    for (let i = 0; q.has(`filters[${i}][field]`); i++) {
      const field = q.get(`filters[${i}][field]`) as keyof ZenchefBookingRow, op = q.get(`filters[${i}][operator]`), value = q.get(`filters[${i}][value]`) ?? '';
      const v = String(b[field] ?? '');
      if (op === '=' && v !== value) return false;
      if (op === '>=' && v < value) return false;
    }
    return true;
  };

  const http = fakeHttp([
    ['GET', '/api/v1/bookings', (r) => {
      if (!authOk(r)) return denied;
      const all = [...bookings.values()].filter((b) => matches(b, r.query));
      const page = Number(r.query.get('page') ?? 1), per = 20;
      return { status: 200, body: { data: all.slice((page - 1) * per, page * per), paginator: { current_page: page, last_page: Math.max(1, Math.ceil(all.length / per)), total: all.length } } };
    }],
    ['POST', '/api/v1/bookings', (r) => {
      if (!authOk(r)) return denied;
      const b = r.body as ZenchefBookingRow;
      if (!fits(`${b.day} ${b.time}`, b.nb_guests)) return { status: 412, body: { message: 'This slot is no longer available' } };
      return { status: 200, body: { data: save({ ...b, status: b.status || 'confirmed' }) } };
    }],
    ['GET', '/api/v1/bookings/:id', (r, p) => {
      if (!authOk(r)) return denied;
      const b = bookings.get(Number(p.id));
      return b ? { status: 200, body: { data: b } } : { status: 404, body: { message: 'Booking not found' } };
    }],
    ['PUT', '/api/v1/bookings/:id', (r, p) => {
      if (!authOk(r)) return denied;
      const prev = bookings.get(Number(p.id));
      if (!prev) return { status: 404, body: { message: 'Booking not found' } };
      const b = r.body as ZenchefBookingRow;
      if ((b.day !== prev.day || b.time !== prev.time) && !fits(`${b.day} ${b.time}`, b.nb_guests)) return { status: 400, body: { message: 'Slot not available' } };
      return { status: 200, body: { data: save({ ...prev, ...b }, prev.id) } };
    }],
    ['PATCH', '/api/v1/bookings/:id/changeStatus', (r, p) => {
      if (!authOk(r)) return denied;
      const prev = bookings.get(Number(p.id));
      if (!prev) return { status: 404, body: { message: 'Booking not found' } };
      return { status: 200, body: { data: save({ ...prev, status: (r.body as { status: string }).status }, prev.id) } };
    }],
    ['GET', '/api/v1/offers', () => ({ status: 200, body: { data: [{ id: 7, name: 'Menu du marché' }] } })],
    ['GET', '/api/v2/restaurants/:rid/shifts', (r) => authOk(r)
      ? { status: 200, body: { data: [{ id: 1, name: 'Déjeuner', open: '12:00', close: '14:30' }, { id: 2, name: 'Dîner', open: '19:00', close: '23:00' }], rooms: [{ id: 11, name: 'Salle' }, { id: 12, name: 'Terrasse' }] } }
      : denied],
    ['GET', '/api/v2/restaurants/:rid/availabilities', (r) => {
      if (!authOk(r)) return denied;
      const day = r.query.get('date-begin') ?? '';
      const slots = (from: number, to: number) => Array.from({ length: (to - from) / 15 + 1 }, (_, i) => {
        const m = from + i * 15, name = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const taken = full.has(`${day} ${name}`);
        const most = Math.min(8, narrowed.get(`${day} ${name}`) ?? 8);
        return { name, interval_in_minutes: 15, closed: false, marked_as_full: taken, possible_guests: taken ? [] : Array.from({ length: most }, (_, i) => i + 1), waitlist_possible_guests: [] };
      });
      return { status: 200, body: { data: [{ date: day, shifts: [{ id: 1, name: 'Déjeuner', open: '12:00', close: '14:30', shift_slots: slots(720, 825) }, { id: 2, name: 'Dîner', open: '19:00', close: '23:00', shift_slots: slots(1140, 1305) }] }] } };
    }],
  ]);

  return {
    ...http,
    bookings,
    /** Makes a slot unavailable, as another channel filling it would. */
    fill(day: string, time: string) { full.add(`${day} ${time}`); },
    /** Opens a slot again, whole. */
    reopen(day: string, time: string) { full.delete(`${day} ${time}`); narrowed.delete(`${day} ${time}`); },
    /** Only parties up to `maxGuests` still fit there. */
    narrow(day: string, time: string, maxGuests: number) { narrowed.set(`${day} ${time}`, maxGuests); },
    /** A booking made on Zenchef itself (the restaurant's widget, a guest). */
    book(b: { day: string; time: string; nb_guests: number; firstname?: string; lastname?: string; status?: string }) { return save({ firstname: 'Guest', lastname: 'Zenchef', ...b }); },
    change(id: number, patch: Partial<ZenchefBookingRow>) { const prev = bookings.get(id)!; return save({ ...prev, ...patch }, id); },
    /** Posts a signed webhook the way Zenchef would; `secret` lets a test forge one. */
    async webhook(url: string, event: string, booking: ZenchefBookingRow, secret = opts.webhookSecret) {
      const raw = JSON.stringify({ event, data: booking });
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zenchef-signature': createHmac('sha256', secret).update(raw).digest('hex') }, body: raw });
      return { status: res.status, body: (await res.json()) as unknown };
    },
  };
}
export type FakeZenchef = ReturnType<typeof startFakeZenchef>;
