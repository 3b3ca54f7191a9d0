import t from 'tap';
import { aggregateStats, statsBuckets, type StatsRows } from '../../src/services/operations/stats.ts';
import { normalizeQuestion } from '../../src/services/operations/faq-key.ts';
import { customerSearchOf } from '../../src/services/operations/customer-service.ts';

const TZ = 'Europe/Paris';
const at = (iso: string) => new Date(iso);
const none: StatsRows = { calls: [], orders: [], reservations: [] };

t.test('normalizeQuestion: case, accents and punctuation do not make a new question', async (t) => {
  const cases: [string, string][] = [
    ['Où se garer ?', 'ou se garer'],
    ['  OU   se-garer!!', 'ou se garer'],
    ['Proposez-vous des pizzas sans gluten ?', 'proposez vous des pizzas sans gluten'],
    ['Jusqu’à quelle heure livrez-vous ?', 'jusqu a quelle heure livrez vous'],
    ['Crème brûlée à 5€ ?', 'creme brulee a 5'],
    ['???', ''],
  ];
  for (const [input, key] of cases) t.equal(normalizeQuestion(input), key, input);
});

t.test('a customer search typed as a phone number becomes E.164', async (t) => {
  t.same(customerSearchOf('06 12 34 56 78'), { e164: '+33612345678', words: [], digits: '612345678' });
  t.same(customerSearchOf('0612'), { e164: null, words: [], digits: '612' });
  t.same(customerSearchOf('Karim Ben'), { e164: null, words: ['Karim', 'Ben'], digits: null });
});

t.test('daily and hourly buckets follow local time, DST days included', async (t) => {
  const table: [string, string, 'day' | 'hour', number][] = [
    ['2026-03-28', '2026-03-28', 'hour', 24],
    ['2026-03-29', '2026-03-29', 'hour', 23], // spring forward
    ['2026-10-25', '2026-10-25', 'hour', 25], // fall back
    ['2026-03-28', '2026-03-30', 'hour', 71],
    ['2026-01-01', '2026-12-31', 'day', 365],
  ];
  for (const [from, to, g, n] of table) t.equal(statsBuckets(from, to, g, TZ).length, n, `${from}..${to} ${g}`);

  const spring = statsBuckets('2026-03-29', '2026-03-29', 'hour', TZ);
  t.same(spring.slice(0, 4).map((b) => b.time), ['00:00', '01:00', '03:00', '04:00'], '02:00 does not exist');
  t.equal(spring[0]?.start.toISOString(), '2026-03-28T23:00:00.000Z');
  const autumn = statsBuckets('2026-10-25', '2026-10-25', 'hour', TZ);
  t.same(autumn.slice(0, 5).map((b) => b.time), ['00:00', '01:00', '02:00', '02:00', '03:00'], '02:00 happens twice');
  t.equal(autumn.at(-1)?.end.toISOString(), '2026-10-25T23:00:00.000Z');
  const day = statsBuckets('2026-10-25', '2026-10-25', 'day', TZ)[0]!;
  t.equal(day.end.getTime() - day.start.getTime(), 25 * 3_600_000);
});

t.test('aggregation counts what each figure promises', async (t) => {
  const rows: StatsRows = {
    calls: [
      { startedAt: at('2026-06-10T10:00:00Z'), answeredAt: at('2026-06-10T10:00:01Z'), handledBy: 'agent', outcome: 'order_placed' },
      { startedAt: at('2026-06-10T11:00:00Z'), answeredAt: at('2026-06-10T11:00:01Z'), handledBy: 'staff', outcome: 'transferred' },
      { startedAt: at('2026-06-10T12:00:00Z'), answeredAt: null, handledBy: 'agent', outcome: 'missed' },
      { startedAt: at('2026-06-10T12:30:00Z'), answeredAt: at('2026-06-10T12:30:01Z'), handledBy: 'agent', outcome: 'failed' },
      { startedAt: at('2026-06-11T08:00:00Z'), answeredAt: at('2026-06-11T08:00:01Z'), handledBy: 'agent', outcome: 'information' },
      { startedAt: at('2026-06-12T08:00:00Z'), answeredAt: at('2026-06-12T08:00:01Z'), handledBy: 'agent', outcome: 'information' }, // out of range
    ],
    orders: [
      { createdAt: at('2026-06-10T10:01:00Z'), status: 'completed', totalCents: 2000 },
      { createdAt: at('2026-06-10T18:00:00Z'), status: 'preparing', totalCents: 3001 },
      { createdAt: at('2026-06-10T19:00:00Z'), status: 'cancelled', totalCents: 9999 },
      { createdAt: at('2026-06-10T20:00:00Z'), status: 'pending', totalCents: 9999 },
      // 23:30 UTC on the 10th is 01:30 on the 11th in Paris.
      { createdAt: at('2026-06-10T23:30:00Z'), status: 'confirmed', totalCents: 1500 },
    ],
    reservations: [
      { startsAt: at('2026-06-10T18:00:00Z'), status: 'confirmed', partySize: 4 },
      { startsAt: at('2026-06-10T18:30:00Z'), status: 'no_show', partySize: 2 },
      { startsAt: at('2026-06-11T10:00:00Z'), status: 'cancelled', partySize: 6 },
      { startsAt: at('2026-06-11T10:30:00Z'), status: 'seated', partySize: 3 },
    ],
  };
  const { totals, series } = aggregateStats({ from: '2026-06-10', to: '2026-06-11', granularity: 'day', timeZone: TZ, commissionBp: 2800 }, rows);
  t.same(totals, {
    callsAnswered: 4, missedCallsSaved: 2, orders: 3, revenueCents: 6501, averageBasketCents: 2167,
    commissionSavedCents: 1820, reservations: 2, covers: 7,
  });
  t.same(series.map((b) => [b.date, b.orders, b.revenueCents, b.callsAnswered, b.covers]), [
    ['2026-06-10', 2, 5001, 3, 4],
    ['2026-06-11', 1, 1500, 1, 3],
  ]);
  t.equal(series[0]?.averageBasketCents, 2501, 'rounded half up');
  t.equal(series[0]?.commissionSavedCents, 1400);

  const empty = aggregateStats({ from: '2026-06-10', to: '2026-06-10', granularity: 'day', timeZone: TZ, commissionBp: 2800 }, none);
  t.equal(empty.totals.averageBasketCents, 0, 'no orders, no division by zero');
});

t.test('an autumn DST day gives 25 hourly buckets and the repeated hour keeps its own orders', async (t) => {
  const rows: StatsRows = {
    ...none,
    orders: [
      { createdAt: at('2026-10-25T00:30:00Z'), status: 'completed', totalCents: 1000 }, // 02:30 CEST, the first 02:00 bucket
      { createdAt: at('2026-10-25T01:30:00Z'), status: 'completed', totalCents: 2000 }, // 02:30 CET, the second
      { createdAt: at('2026-10-25T22:59:00Z'), status: 'completed', totalCents: 4000 }, // 23:59 local, the last bucket
      { createdAt: at('2026-10-25T23:00:00Z'), status: 'completed', totalCents: 8000 }, // the next day: out
    ],
  };
  const { totals, series } = aggregateStats({ from: '2026-10-25', to: '2026-10-25', granularity: 'hour', timeZone: TZ, commissionBp: 0 }, rows);
  t.equal(series.length, 25);
  t.same(series.map((b) => b.revenueCents).filter((x) => x > 0), [1000, 2000, 4000]);
  t.equal(series[2]?.revenueCents, 1000);
  t.equal(series[3]?.revenueCents, 2000);
  t.equal(series[24]?.time, '23:00');
  t.equal(series[24]?.revenueCents, 4000);
  t.equal(totals.revenueCents, 7000);
  t.equal(totals.commissionSavedCents, 0);
});

t.test('a spring DST day gives 23 hourly buckets', async (t) => {
  const rows: StatsRows = { ...none, reservations: [{ startsAt: at('2026-03-29T01:00:00Z'), status: 'confirmed', partySize: 2 }] };
  const { series } = aggregateStats({ from: '2026-03-29', to: '2026-03-29', granularity: 'hour', timeZone: TZ, commissionBp: 2800 }, rows);
  t.equal(series.length, 23);
  t.equal(series[2]?.time, '03:00');
  t.equal(series[2]?.covers, 2, '01:00Z is 03:00 CEST');
});
