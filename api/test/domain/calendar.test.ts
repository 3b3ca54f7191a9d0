import t from 'tap';
import { localDateBounds, toLocal, wallClockToUtc } from '../../src/domain/calendar.ts';
import { formatEuros, percentOfCents } from '../../src/domain/money.ts';

const cases: Array<{ name: string; date: string; time: string; tz: string; expect: string }> = [
  { name: 'Paris, the hour before the spring gap', date: '2026-03-29', time: '01:00', tz: 'Europe/Paris', expect: '2026-03-29T00:00:00.000Z' },
  { name: 'Paris, inside the spring gap lands after it', date: '2026-03-29', time: '02:30', tz: 'Europe/Paris', expect: '2026-03-29T01:30:00.000Z' },
  { name: 'Paris, right after the spring gap', date: '2026-03-29', time: '03:00', tz: 'Europe/Paris', expect: '2026-03-29T01:00:00.000Z' },
  { name: 'Paris, the repeated autumn hour takes the earlier instant', date: '2026-10-25', time: '02:30', tz: 'Europe/Paris', expect: '2026-10-25T00:30:00.000Z' },
  { name: 'Paris, just before the repeated hour', date: '2026-10-25', time: '01:59', tz: 'Europe/Paris', expect: '2026-10-24T23:59:00.000Z' },
  { name: 'New York, the repeated autumn hour takes the earlier instant', date: '2026-11-01', time: '01:30', tz: 'America/New_York', expect: '2026-11-01T05:30:00.000Z' },
  { name: 'New York, inside the spring gap', date: '2026-03-08', time: '02:30', tz: 'America/New_York', expect: '2026-03-08T07:30:00.000Z' },
  { name: 'Kathmandu, a quarter-hour offset', date: '2026-03-10', time: '12:00', tz: 'Asia/Kathmandu', expect: '2026-03-10T06:15:00.000Z' },
];

for (const c of cases) {
  t.test(`wall clock: ${c.name}`, async (t) => {
    const [h, m] = c.time.split(':').map(Number) as [number, number];
    t.equal(wallClockToUtc(c.date, h * 60 + m, c.tz).toISOString(), c.expect);
  });
}

t.test('DST days last 23 and 25 hours', async (t) => {
  const hours = (date: string) => {
    const b = localDateBounds(date, 'Europe/Paris');
    return (b.end.getTime() - b.start.getTime()) / 3_600_000;
  };
  t.equal(hours('2026-03-29'), 23);
  t.equal(hours('2026-10-25'), 25);
  t.equal(hours('2026-03-10'), 24);
});

t.test('euros are spoken the French way and percentages round half-up', async (t) => {
  t.equal(formatEuros(250), '2,50\u00a0€');
  t.equal(formatEuros(-300), '-3,00\u00a0€');
  t.equal(formatEuros(5), '0,05\u00a0€');
  t.equal(percentOfCents(245, 10), 25);
  t.equal(percentOfCents(244, 10), 24);
  t.equal(percentOfCents(1005, 10), 101);
});

t.test('toLocal agrees with Intl minute by minute, across DST and half-hour zones', async (t) => {
  let checked = 0, mismatches = 0;
  for (const tz of ['Europe/Paris', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    // Every 7 min 13 s over a year: every transition of each zone is crossed at an odd phase.
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 433_000) {
      const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
      const l = toLocal(new Date(ms), tz);
      checked++;
      if (l.date !== `${p.year}-${p.month}-${p.day}` || l.time !== `${p.hour}:${p.minute}`) mismatches++;
    }
  }
  t.equal(mismatches, 0, `${checked} instants checked`);
});
