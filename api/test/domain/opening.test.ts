import t from 'tap';
import { isOpenAt, openIntervalsForDate, type OpeningSchedule } from '../../src/domain/availability/opening.ts';

const TZ = 'Europe/Paris';
const weekly = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, opensAt: '11:30', closesAt: '14:00' },
  { weekday, opensAt: '18:30', closesAt: '22:00' },
]);
const schedule = (extra: Partial<OpeningSchedule> = {}): OpeningSchedule => ({ openingHours: weekly, closures: [], timeZone: TZ, ...extra });
const iso = (d: Date) => d.toISOString();

const intervalCases: Array<{ name: string; date: string; schedule: OpeningSchedule; expect: Array<[string, string]> }> = [
  { name: 'a Tuesday has lunch and dinner (winter, UTC+1)', date: '2026-03-10', schedule: schedule(),
    expect: [['2026-03-10T10:30:00.000Z', '2026-03-10T13:00:00.000Z'], ['2026-03-10T17:30:00.000Z', '2026-03-10T21:00:00.000Z']] },
  { name: 'summer hours are the same wall times (UTC+2)', date: '2026-07-07', schedule: schedule(),
    expect: [['2026-07-07T09:30:00.000Z', '2026-07-07T12:00:00.000Z'], ['2026-07-07T16:30:00.000Z', '2026-07-07T20:00:00.000Z']] },
  { name: 'Sunday has no row: closed', date: '2026-03-15', schedule: schedule(), expect: [] },
  { name: 'a closure day', date: '2026-03-11', schedule: schedule({ closures: [{ startDate: '2026-03-11', endDate: '2026-03-11', isOpening: false }] }), expect: [] },
  { name: 'the last day of a multi-day closure is closed too', date: '2026-08-15', schedule: schedule({ closures: [{ startDate: '2026-08-01', endDate: '2026-08-15', isOpening: false }] }), expect: [] },
  { name: 'an exceptional opening on a Sunday', date: '2026-03-15', schedule: schedule({ closures: [{ startDate: '2026-03-15', endDate: '2026-03-15', isOpening: true, opensAt: '12:00', closesAt: '15:00' }] }),
    expect: [['2026-03-15T11:00:00.000Z', '2026-03-15T14:00:00.000Z']] },
  { name: 'an exceptional opening inside a closure wins', date: '2026-08-10', schedule: schedule({ closures: [
    { startDate: '2026-08-01', endDate: '2026-08-15', isOpening: false },
    { startDate: '2026-08-10', endDate: '2026-08-10', isOpening: true, opensAt: '18:00', closesAt: '23:00' },
  ] }), expect: [['2026-08-10T16:00:00.000Z', '2026-08-10T21:00:00.000Z']] },
  { name: '"24:00" closes at the next midnight', date: '2026-03-10', schedule: schedule({ openingHours: [{ weekday: 2, opensAt: '18:00', closesAt: '24:00' }] }),
    expect: [['2026-03-10T17:00:00.000Z', '2026-03-10T23:00:00.000Z']] },
  { name: 'a late night ending on the spring-forward morning is an hour shorter', date: '2026-03-28', schedule: schedule({ openingHours: [{ weekday: 6, opensAt: '18:00', closesAt: '03:00' }] }),
    expect: [['2026-03-28T17:00:00.000Z', '2026-03-29T01:00:00.000Z']] },
  { name: 'a late night ending on the fall-back morning is an hour longer', date: '2026-10-24', schedule: schedule({ openingHours: [{ weekday: 6, opensAt: '18:00', closesAt: '03:00' }] }),
    expect: [['2026-10-24T16:00:00.000Z', '2026-10-25T02:00:00.000Z']] },
];

for (const c of intervalCases) {
  t.test(`intervals: ${c.name}`, async (t) => {
    t.same(openIntervalsForDate(c.schedule, c.date).map((i) => [iso(i.start), iso(i.end)]), c.expect);
  });
}

const openCases: Array<{ name: string; at: string; schedule?: OpeningSchedule; expect: boolean }> = [
  { name: 'Tuesday 12:00', at: '2026-03-10T11:00:00Z', expect: true },
  { name: 'at opening time exactly', at: '2026-03-10T10:30:00Z', expect: true },
  { name: 'at closing time exactly (closed)', at: '2026-03-10T13:00:00Z', expect: false },
  { name: 'between lunch and dinner', at: '2026-03-10T15:00:00Z', expect: false },
  { name: 'on a closure day at lunch', at: '2026-03-11T11:00:00Z', schedule: schedule({ closures: [{ startDate: '2026-03-11', endDate: '2026-03-11', isOpening: false }] }), expect: false },
  { name: 'after midnight, still in Saturday night hours', at: '2026-03-15T00:30:00Z', schedule: schedule({ openingHours: [{ weekday: 6, opensAt: '18:00', closesAt: '02:00' }] }), expect: true },
  { name: 'after the Saturday night hours end', at: '2026-03-15T01:00:00Z', schedule: schedule({ openingHours: [{ weekday: 6, opensAt: '18:00', closesAt: '02:00' }] }), expect: false },
];

for (const c of openCases) {
  t.test(`isOpenAt: ${c.name}`, async (t) => {
    t.equal(isOpenAt(c.schedule ?? schedule(), new Date(c.at)), c.expect);
  });
}
