// Local wall-clock arithmetic for the demo data, with Intl only: the schema
// stores "HH:MM" and "YYYY-MM-DD" in the restaurant's zone but instants in UTC,
// and the demo must look right whatever zone the machine running it is in.

export const DEMO_TZ = 'Europe/Paris';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock { year: number; month: number; day: number; hour: number; minute: number; second: number }

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Milliseconds the zone is ahead of UTC at that instant (+3_600_000 for Paris in winter). */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant.getTime() - instant.getUTCMilliseconds());
}

function parseDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Bad local date "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function parseTime(hhmm: string): [number, number] {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`Bad local time "${hhmm}"`);
  return [Number(m[1]), Number(m[2])];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The local calendar date ("YYYY-MM-DD") of an instant. */
export function localDateOf(instant: Date, timeZone = DEMO_TZ): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Minutes since local midnight of an instant. */
export function localMinutesOf(instant: Date, timeZone = DEMO_TZ): number {
  const w = wallClock(instant, timeZone);
  return w.hour * 60 + w.minute;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/**
 * The UTC instant of a local date and "HH:MM" in the zone. The offset is taken
 * twice because the first guess can sit on the other side of a DST change.
 */
export function localToUtc(date: string, hhmm: string, timeZone = DEMO_TZ): Date {
  const [y, m, d] = parseDate(date);
  const [h, mi] = parseTime(hhmm);
  const wall = Date.UTC(y, m - 1, d, h, mi);
  const first = wall - offsetMs(new Date(wall), timeZone);
  return new Date(wall - offsetMs(new Date(first), timeZone));
}

export function plusMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + Math.round(minutes * 60_000));
}

export function plusSeconds(instant: Date, seconds: number): Date {
  return new Date(instant.getTime() + Math.round(seconds * 1000));
}

/**
 * The local date `days` away from today, moved off Mondays (the restaurant is
 * closed then) in the direction of travel, so demo bookings land on a service.
 */
export function serviceDate(now: Date, days: number, timeZone = DEMO_TZ): string {
  let date = addDays(localDateOf(now, timeZone), days);
  if (isoWeekday(date) === 1) date = addDays(date, days < 0 ? -1 : 1);
  return date;
}
