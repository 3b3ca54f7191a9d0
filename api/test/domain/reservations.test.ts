import t from 'tap';
import { checkReservation, reservationSlots, type ReservationRequest } from '../../src/domain/availability/reservations.ts';
import type { DiningServiceInput, ExistingReservation, ReservationContext } from '../../src/domain/availability/reservation-inputs.ts';
import type { TableInput } from '../../src/domain/availability/tables.ts';

const TZ = 'Europe/Paris';
// Tuesday 10 March 2026 (UTC+1): 20:00 local is 19:00Z.
const local = (hhmm: string, date = '2026-03-10') => new Date(`${date}T${hhmm}:00+01:00`);
const iso = (d: Date) => d.toISOString();

const dinner: DiningServiceInput = {
  id: 'dinner', name: 'Dîner', weekdays: [], startTime: '19:00', endTime: '23:00', lastSeatingTime: '21:30',
  slotIntervalMinutes: 30, maxCoversPerService: 40, maxCoversPerSlot: 10,
  turnTimes: [{ maxParty: 4, minutes: 120 }, { maxParty: 2, minutes: 90 }], defaultTurnMinutes: 150,
  minParty: 1, maxParty: 10, prepaymentAboveGuests: 6, active: true,
};
const lunch: DiningServiceInput = {
  ...dinner, id: 'lunch', name: 'Déjeuner', weekdays: [1, 2, 3, 4, 5, 6], startTime: '12:00', endTime: '14:30', lastSeatingTime: '13:30', slotIntervalMinutes: 15,
};
const tables: TableInput[] = [
  { id: 'A1', roomId: 'salle', minCapacity: 1, maxCapacity: 2, combinable: false, active: true },
  { id: 'A2', roomId: 'salle', minCapacity: 2, maxCapacity: 4, combinable: false, active: true },
  { id: 'A3', roomId: 'salle', minCapacity: 2, maxCapacity: 4, combinable: true, active: true },
  { id: 'A4', roomId: 'salle', minCapacity: 2, maxCapacity: 4, combinable: true, active: true },
  { id: 'B1', roomId: 'terrasse', minCapacity: 1, maxCapacity: 2, combinable: true, active: true },
  { id: 'B2', roomId: 'terrasse', minCapacity: 2, maxCapacity: 4, combinable: true, active: true },
];
const booking = (hhmm: string, partySize: number, tableIds: string[] = [], extra: Partial<ExistingReservation> = {}): ExistingReservation => ({
  startsAt: local(hhmm), endsAt: new Date(local(hhmm).getTime() + 120 * 60_000), partySize, status: 'confirmed', tableIds, serviceId: 'dinner', ...extra,
});

const base: ReservationRequest = {
  requestedAt: local('20:00'), partySize: 2, now: local('10:00'), timeZone: TZ,
  services: [dinner, lunch], closures: [], tables, reservations: [], externalLoad: [],
};

interface Case { name: string; input: Partial<ReservationRequest>; expect: Record<string, unknown>; alternatives?: string[] }
const cases: Case[] = [
  { name: 'a couple at 20:00 gets the smallest table', input: {}, expect: { ok: true, tableIds: ['A1'], service: { id: 'dinner' }, startsAt: local('20:00'), endsAt: local('21:30'), prepaymentRequired: false } },
  { name: 'turn time follows party size (4 → 120 min)', input: { partySize: 4 }, expect: { ok: true, tableIds: ['A2'], endsAt: local('22:00') } },
  { name: 'beyond the turn-time table, the default turn applies', input: { partySize: 5 }, expect: { ok: true, endsAt: local('22:30') } },
  { name: 'a table busy with an overlapping booking is not given twice', input: { reservations: [booking('19:00', 2, ['A1'])] }, expect: { ok: true, tableIds: ['B1'] } },
  { name: 'a booking that ends when ours starts does not block the table', input: { reservations: [booking('18:00', 2, ['A1'], { serviceId: null })] }, expect: { ok: true, tableIds: ['A1'] } },
  { name: 'cancelled bookings free their table', input: { reservations: [booking('19:30', 2, ['A1'], { status: 'cancelled' })] }, expect: { ok: true, tableIds: ['A1'] } },
  { name: 'the last seating (21:30) is accepted', input: { requestedAt: local('21:30') }, expect: { ok: true, startsAt: local('21:30') } },
  { name: 'one interval after the last seating is refused', input: { requestedAt: local('22:00') },
    expect: { ok: false, reason: 'outside_service' }, alternatives: [local('21:30'), local('21:00'), local('20:30')].map(iso) },
  { name: 'a time between slots is refused, nearest slots first (earlier wins ties)', input: { requestedAt: local('19:15') },
    expect: { ok: false, reason: 'outside_service' }, alternatives: [local('19:00'), local('19:30'), local('20:00')].map(iso) },
  { name: 'a full slot proposes the nearest free slots', input: { partySize: 2, reservations: [booking('20:00', 4), booking('20:00', 4, [], { serviceId: null }), booking('20:15', 1)] },
    expect: { ok: false, reason: 'slot_full' }, alternatives: [local('19:30'), local('20:30'), local('19:00')].map(iso) },
  { name: 'platform covers count towards the slot', input: { externalLoad: [{ slotStart: local('20:00'), covers: 9, serviceId: 'dinner' }] },
    expect: { ok: false, reason: 'slot_full' } },
  { name: 'a full service falls back to the same day\'s lunch, nearest first', input: {
    reservations: [booking('19:00', 10), booking('19:30', 10), booking('20:30', 10)], externalLoad: [{ slotStart: local('21:00'), covers: 9 }], tables: [] },
  expect: { ok: false, reason: 'service_full' }, alternatives: [local('13:30'), local('13:15'), local('13:00')].map(iso) },
  { name: 'a party of 8: no single table, two combinable tables of the same room', input: { partySize: 8 }, expect: { ok: true, tableIds: ['A3', 'A4'], prepaymentRequired: true } },
  { name: 'a party of 6: the combination with the fewest empty seats', input: { partySize: 6 }, expect: { ok: true, tableIds: ['B2', 'B1'] } },
  { name: 'a party of 8 is never split across rooms', input: { partySize: 8, reservations: [booking('19:30', 4, ['A4'])] }, expect: { ok: false, reason: 'no_table' } },
  { name: 'prepayment above 6 guests', input: { partySize: 7 }, expect: { ok: true, prepaymentRequired: true } },
  { name: 'exactly 6 guests do not prepay', input: { partySize: 6 }, expect: { ok: true, prepaymentRequired: false } },
  { name: 'a party above the service maximum', input: { partySize: 11 }, expect: { ok: false, reason: 'party_too_large', alternatives: [] } },
  { name: 'a party below the service minimum', input: { partySize: 1, services: [{ ...dinner, minParty: 2 }] }, expect: { ok: false, reason: 'party_too_small' } },
  { name: 'without a floor plan only covers decide', input: { partySize: 9, tables: [] }, expect: { ok: true, tableIds: [] } },
  { name: 'a request in the past', input: { now: local('20:10') }, expect: { ok: false, reason: 'in_the_past' }, alternatives: [local('20:30'), local('21:00'), local('21:30')].map(iso) },
  { name: 'a closure day', input: { closures: [{ startDate: '2026-03-10', endDate: '2026-03-10', isOpening: false }] }, expect: { ok: false, reason: 'closed', alternatives: [] } },
  { name: 'a day without any service', input: { services: [{ ...dinner, weekdays: [5, 6] }] }, expect: { ok: false, reason: 'closed' } },
  { name: 'an inactive service takes no booking', input: { services: [{ ...dinner, active: false }] }, expect: { ok: false, reason: 'closed' } },
  { name: 'the booking being moved does not block itself', input: { partySize: 10, tables: [], reservations: [booking('19:00', 30, [], { id: 'r1' })], ignoreReservationId: 'r1' }, expect: { ok: true } },
  { name: 'DST spring (29 March 2026): 20:00 is 18:00Z', input: { requestedAt: new Date('2026-03-29T18:00:00Z'), now: new Date('2026-03-28T10:00:00Z') },
    expect: { ok: true, startsAt: new Date('2026-03-29T18:00:00Z'), endsAt: new Date('2026-03-29T19:30:00Z') } },
  { name: 'DST autumn (25 October 2026): 20:00 is 19:00Z', input: { requestedAt: new Date('2026-10-25T19:00:00Z'), now: new Date('2026-10-24T10:00:00Z') },
    expect: { ok: true, startsAt: new Date('2026-10-25T19:00:00Z') } },
];

for (const c of cases) {
  t.test(c.name, async (t) => {
    const r = checkReservation({ ...base, ...c.input });
    t.match(r, c.expect);
    if (c.alternatives) t.same(r.ok ? null : r.alternatives.map(iso), c.alternatives, 'alternatives, nearest first');
    if (!r.ok) t.ok(r.message.length > 0, 'a French message for the agent');
  });
}

const ctx = (date: string, extra: Partial<ReservationContext> = {}): ReservationContext => ({
  date, partySize: 2, now: new Date('2026-01-01T00:00:00Z'), timeZone: TZ, services: [dinner], closures: [], tables, reservations: [], externalLoad: [], ...extra,
});
const night: DiningServiceInput = { ...dinner, id: 'night', name: 'Nuit', startTime: '01:00', endTime: '04:00', lastSeatingTime: '03:00' };

const dstCases: Array<{ name: string; ctx: ReservationContext; expect: Array<[string, string]> }> = [
  { name: 'dinner the day before spring DST (UTC+1)', ctx: ctx('2026-03-28'),
    expect: [['19:00', '2026-03-28T18:00:00.000Z'], ['19:30', '2026-03-28T18:30:00.000Z'], ['20:00', '2026-03-28T19:00:00.000Z'], ['20:30', '2026-03-28T19:30:00.000Z'], ['21:00', '2026-03-28T20:00:00.000Z'], ['21:30', '2026-03-28T20:30:00.000Z']] },
  { name: 'dinner on spring DST day 29 March 2026 (UTC+2)', ctx: ctx('2026-03-29'),
    expect: [['19:00', '2026-03-29T17:00:00.000Z'], ['19:30', '2026-03-29T17:30:00.000Z'], ['20:00', '2026-03-29T18:00:00.000Z'], ['20:30', '2026-03-29T18:30:00.000Z'], ['21:00', '2026-03-29T19:00:00.000Z'], ['21:30', '2026-03-29T19:30:00.000Z']] },
  { name: 'dinner on autumn DST day 25 October 2026 (UTC+1)', ctx: ctx('2026-10-25'),
    expect: [['19:00', '2026-10-25T18:00:00.000Z'], ['19:30', '2026-10-25T18:30:00.000Z'], ['20:00', '2026-10-25T19:00:00.000Z'], ['20:30', '2026-10-25T19:30:00.000Z'], ['21:00', '2026-10-25T20:00:00.000Z'], ['21:30', '2026-10-25T20:30:00.000Z']] },
  { name: 'a night service on 29 March skips the wall times that do not exist', ctx: ctx('2026-03-29', { services: [night] }),
    expect: [['01:00', '2026-03-29T00:00:00.000Z'], ['01:30', '2026-03-29T00:30:00.000Z'], ['03:00', '2026-03-29T01:00:00.000Z']] },
  { name: 'a night service on 25 October keeps one of each repeated wall time', ctx: ctx('2026-10-25', { services: [night] }),
    expect: [['01:00', '2026-10-24T23:00:00.000Z'], ['01:30', '2026-10-24T23:30:00.000Z'], ['02:00', '2026-10-25T00:00:00.000Z'], ['02:30', '2026-10-25T00:30:00.000Z'], ['03:00', '2026-10-25T02:00:00.000Z']] },
];

for (const c of dstCases) {
  t.test(`slots: ${c.name}`, async (t) => {
    const [day] = reservationSlots(c.ctx);
    t.same(day?.slots.map((s) => [s.localTime, iso(s.startsAt)]), c.expect);
    t.ok(day?.slots.every((s) => s.available), 'all bookable on an empty day');
  });
}

t.test('slots: each service of the day, with the reason a slot is unavailable', async (t) => {
  const days = reservationSlots(ctx('2026-03-10', { services: [lunch, dinner], now: local('13:10'), reservations: [booking('20:00', 9)] }));
  t.same(days.map((d) => d.service.name), ['Déjeuner', 'Dîner']);
  const lunchSlots = days[0]?.slots ?? [];
  t.same(lunchSlots.filter((s) => s.available).map((s) => s.localTime), ['13:15', '13:30']);
  t.equal(lunchSlots[0]?.reason, 'in_the_past');
  const at20 = days[1]?.slots.find((s) => s.localTime === '20:00');
  t.match(at20, { available: false, reason: 'slot_full' });
  t.match(days[1]?.slots.find((s) => s.localTime === '19:00'), { available: true, tableIds: ['A1'] });
});

t.test('slots: a closure day has no service', async (t) => {
  t.same(reservationSlots(ctx('2026-03-10', { closures: [{ startDate: '2026-03-09', endDate: '2026-03-12', isOpening: false }] })), []);
});
