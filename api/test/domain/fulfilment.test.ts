import t from 'tap';
import { fulfilmentTimes, type FulfilmentInput } from '../../src/domain/availability/fulfilment.ts';

const TZ = 'Europe/Paris';
// Monday–Saturday, lunch and dinner; Sunday closed. Tuesday 10 March 2026 is UTC+1.
const weekly = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, opensAt: '11:30', closesAt: '14:00' },
  { weekday, opensAt: '18:30', closesAt: '22:00' },
]);
const lateSaturday = [{ weekday: 6, opensAt: '18:00', closesAt: '03:00' }, { weekday: 1, opensAt: '11:30', closesAt: '14:00' }];
const at = (s: string) => new Date(s);

const base: FulfilmentInput = {
  now: at('2026-03-10T10:50:00Z'), // Tuesday 11:50
  type: 'pickup', prepLeadMinutes: 20, openingHours: weekly, closures: [], timeZone: TZ,
  kitchen: {}, existingLoad: [], itemsInOrder: 2, count: 3,
};

const cases: Array<{ name: string; input: Partial<FulfilmentInput>; expect: { earliest: string | null; next?: string[]; requestedOk?: boolean; reason?: string } }> = [
  { name: 'pickup at lunch: now + 20 min, on the next quarter hour', input: {},
    expect: { earliest: '2026-03-10T11:15:00.000Z', next: ['2026-03-10T11:15:00.000Z', '2026-03-10T11:30:00.000Z', '2026-03-10T11:45:00.000Z'] } },
  { name: 'a call before opening gets the opening time', input: { now: at('2026-03-10T09:00:00Z') }, expect: { earliest: '2026-03-10T10:30:00.000Z' } },
  { name: 'a call at the end of lunch waits for dinner', input: { now: at('2026-03-10T12:45:00Z') },
    expect: { earliest: '2026-03-10T17:30:00.000Z', next: ['2026-03-10T17:30:00.000Z', '2026-03-10T17:45:00.000Z', '2026-03-10T18:00:00.000Z'] } },
  { name: 'the last slot before closing is the last quarter hour', input: { now: at('2026-03-10T12:25:00Z') },
    expect: { earliest: '2026-03-10T12:45:00.000Z', next: ['2026-03-10T12:45:00.000Z', '2026-03-10T17:30:00.000Z', '2026-03-10T17:45:00.000Z'] } },
  { name: 'kitchen full (orders) in a slot pushes pickup to the next slot',
    input: { kitchen: { slotMaxOrders: 3 }, existingLoad: [{ slotStart: at('2026-03-10T11:15:00Z'), orders: 3, items: 6 }] },
    expect: { earliest: '2026-03-10T11:30:00.000Z' } },
  { name: 'kitchen items: an order that would overflow the slot moves on',
    input: { kitchen: { slotMaxItems: 10 }, itemsInOrder: 3, existingLoad: [{ slotStart: at('2026-03-10T11:15:00Z'), orders: 2, items: 8 }] },
    expect: { earliest: '2026-03-10T11:30:00.000Z' } },
  { name: 'kitchen items: an order that exactly fills the slot fits',
    input: { kitchen: { slotMaxItems: 10 }, itemsInOrder: 2, existingLoad: [{ slotStart: at('2026-03-10T11:15:00Z'), orders: 2, items: 8 }] },
    expect: { earliest: '2026-03-10T11:15:00.000Z' } },
  { name: 'an order larger than any slot can never be promised',
    input: { kitchen: { slotMaxItems: 10 }, itemsInOrder: 11 }, expect: { earliest: null, next: [], reason: 'kitchen_full' } },
  { name: 'delivery: ready after prep, at the door after the ride',
    input: { type: 'delivery', deliveryDurationMinutes: 30 }, expect: { earliest: '2026-03-10T11:45:00.000Z' } },
  { name: 'delivery: the kitchen slot is the one the order leaves in',
    input: { type: 'delivery', deliveryDurationMinutes: 30, kitchen: { slotMaxOrders: 1 }, existingLoad: [{ slotStart: at('2026-03-10T11:15:00Z'), orders: 1, items: 1 }] },
    expect: { earliest: '2026-03-10T12:00:00.000Z' } },
  { name: 'delivery: leaving at closing time is too late, so next day',
    input: { type: 'delivery', deliveryDurationMinutes: 30, now: at('2026-03-10T20:30:00Z') }, expect: { earliest: '2026-03-11T11:00:00.000Z' } },
  { name: 'delivery: may arrive after closing if it left before',
    input: { type: 'delivery', deliveryDurationMinutes: 30, now: at('2026-03-10T20:20:00Z') }, expect: { earliest: '2026-03-10T21:15:00.000Z' } },
  { name: 'a closure day is skipped',
    input: { now: at('2026-03-10T20:50:00Z'), closures: [{ startDate: '2026-03-11', endDate: '2026-03-11', isOpening: false }] },
    expect: { earliest: '2026-03-12T10:30:00.000Z' } },
  { name: 'an exceptional Sunday opening', input: { now: at('2026-03-15T10:00:00Z'), closures: [{ startDate: '2026-03-15', endDate: '2026-03-15', isOpening: true, opensAt: '12:00', closesAt: '15:00' }] },
    expect: { earliest: '2026-03-15T11:00:00.000Z' } },
  { name: 'requested time fine', input: { requestedAt: at('2026-03-10T12:00:00Z') },
    expect: { earliest: '2026-03-10T11:15:00.000Z', requestedOk: true, next: ['2026-03-10T12:00:00.000Z', '2026-03-10T12:15:00.000Z', '2026-03-10T12:30:00.000Z'] } },
  { name: 'requested time in the past', input: { requestedAt: at('2026-03-10T10:00:00Z') }, expect: { earliest: '2026-03-10T11:15:00.000Z', requestedOk: false, reason: 'in_the_past' } },
  { name: 'requested time sooner than the prep time', input: { requestedAt: at('2026-03-10T11:00:00Z') }, expect: { earliest: '2026-03-10T11:15:00.000Z', requestedOk: false, reason: 'too_soon' } },
  { name: 'requested time while closed, alternatives from then', input: { requestedAt: at('2026-03-10T15:00:00Z') },
    expect: { earliest: '2026-03-10T11:15:00.000Z', requestedOk: false, reason: 'closed', next: ['2026-03-10T17:30:00.000Z', '2026-03-10T17:45:00.000Z', '2026-03-10T18:00:00.000Z'] } },
  { name: 'requested time in a full kitchen slot', input: { requestedAt: at('2026-03-10T12:00:00Z'), kitchen: { slotMaxOrders: 2 }, existingLoad: [{ slotStart: at('2026-03-10T12:00:00Z'), orders: 2, items: 4 }] },
    expect: { earliest: '2026-03-10T11:15:00.000Z', requestedOk: false, reason: 'kitchen_full', next: ['2026-03-10T12:15:00.000Z', '2026-03-10T12:30:00.000Z', '2026-03-10T12:45:00.000Z'] } },
  { name: 'DST spring: the late Saturday night loses its 02:00 hour (29 March 2026)',
    input: { openingHours: lateSaturday, prepLeadMinutes: 10, now: at('2026-03-29T00:30:00Z') }, // 01:30 CET
    expect: { earliest: '2026-03-29T00:45:00.000Z', next: ['2026-03-29T00:45:00.000Z', '2026-03-30T09:30:00.000Z', '2026-03-30T09:45:00.000Z'] } },
  { name: 'DST autumn: the repeated hour gives real extra slots (25 October 2026)',
    input: { openingHours: lateSaturday, prepLeadMinutes: 10, now: at('2026-10-25T00:40:00Z'), count: 5 }, // 02:40 CEST
    expect: { earliest: '2026-10-25T01:00:00.000Z', next: ['2026-10-25T01:00:00.000Z', '2026-10-25T01:15:00.000Z', '2026-10-25T01:30:00.000Z', '2026-10-25T01:45:00.000Z', '2026-10-26T10:30:00.000Z'] } },
  { name: 'DST spring: Sunday-lunch style hours at the right UTC instant',
    input: { openingHours: [{ weekday: 7, opensAt: '11:30', closesAt: '14:00' }], now: at('2026-03-29T08:00:00Z') },
    expect: { earliest: '2026-03-29T09:30:00.000Z' } },
  { name: 'a restaurant with no hours never promises a time', input: { openingHours: [] }, expect: { earliest: null, next: [], reason: 'closed' } },
];

for (const c of cases) {
  t.test(c.name, async (t) => {
    const r = fulfilmentTimes({ ...base, ...c.input });
    t.equal(r.earliest?.toISOString() ?? null, c.expect.earliest, 'earliest');
    if (c.expect.next) t.same(r.next.map((d) => d.toISOString()), c.expect.next, 'next');
    if ('requestedOk' in c.expect) t.equal(r.requestedOk, c.expect.requestedOk, 'requestedOk');
    t.equal(r.reason, c.expect.reason, 'reason');
  });
}
