// Restaurant-local wall-clock time ↔ UTC instants, and calendar arithmetic on
// local "YYYY-MM-DD" dates and "HH:MM" times, with Intl only (no tz database
// dependency). Instants are stored in UTC; dates and times are always in the
// restaurant's IANA time zone. Dates are handled as pure calendar values (via
// UTC midnight) so no time zone can shift them.

export const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  minutes: number; // since local midnight
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function toLocalSlow(instant: Date, timeZone: string): LocalParts {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((x) => [x.type, x.value]));
  const hh = Number(p.hour), mm = Number(p.minute);
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
    weekday: WEEKDAYS[p.weekday ?? ''] ?? 0,
    minutes: hh * 60 + mm,
  };
}

// Every UTC offset in use is a multiple of 15 minutes and every transition
// happens on a local hour or half hour, so the offset is constant within a
// UTC quarter hour: Intl (≈6 µs a call, hundreds of calls per availability
// search) is asked once per zone and quarter hour, the rest is arithmetic.
const QUARTER_MS = 15 * 60_000;
const OFFSET_CACHE_MAX = 20_000;
const offsetCache = new Map<string, number>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function toLocal(instant: Date, timeZone: string): LocalParts {
  const ms = instant.getTime();
  const bucket = Math.floor(ms / QUARTER_MS);
  const key = `${timeZone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const start = new Date(bucket * QUARTER_MS);
    const l = toLocalSlow(start, timeZone);
    const [y, mo, d] = l.date.split('-').map(Number) as [number, number, number];
    offset = Date.UTC(y, mo - 1, d) + l.minutes * 60_000 - start.getTime();
    if (offsetCache.size >= OFFSET_CACHE_MAX) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  const local = new Date(ms + offset);
  const hh = local.getUTCHours(), mm = local.getUTCMinutes();
  return {
    date: `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`,
    time: `${pad2(hh)}:${pad2(mm)}`,
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
    minutes: hh * 60 + mm,
  };
}

/** "HH:MM" → minutes since midnight; "24:00" gives 1440. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function hhmmOf(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date, 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/**
 * The instant of `minutes` after local midnight of `date`. Minutes past 1440
 * roll into the next days, so "24:00" or a service running past midnight still
 * resolves against the right calendar day (and its own DST offset).
 */
export function localMinutesToUtc(date: string, minutes: number, timeZone: string): Date {
  const dayShift = Math.floor(minutes / 1440);
  return wallClockToUtc(addDays(date, dayShift), minutes - dayShift * 1440, timeZone);
}

const DAY_MS = 1440 * MINUTE_MS;

/** The zone's UTC offset in minutes at `instantMs` (whole-minute offsets only, as all current zones). */
function offsetMinutesAt(instantMs: number, timeZone: string): number {
  const wholeMinute = Math.floor(instantMs / MINUTE_MS) * MINUTE_MS;
  const local = toLocal(new Date(wholeMinute), timeZone);
  const [y, mo, d] = local.date.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, mo - 1, d) + local.minutes * MINUTE_MS - wholeMinute) / MINUTE_MS;
}

/**
 * The instant a local wall-clock time denotes. A repeated autumn time gives
 * the earlier instant (what a guest booking "02:30" means first); a time
 * skipped in spring lands as far after the gap as it was into it (02:30 →
 * 03:30), the instant a clock that was not moved forward would show.
 */
export function wallClockToUtc(date: string, minutes: number, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d) + minutes * MINUTE_MS;
  // The offsets in force a day either side cover any transition on this date.
  const before = offsetMinutesAt(asUtc - DAY_MS, timeZone);
  const after = offsetMinutesAt(asUtc + DAY_MS, timeZone);
  const valid = [before, after]
    .map((offset) => asUtc - offset * MINUTE_MS)
    .filter((candidate) => offsetMinutesAt(candidate, timeZone) === (asUtc - candidate) / MINUTE_MS);
  return new Date(valid.length > 0 ? Math.min(...valid) : asUtc - before * MINUTE_MS);
}

/** [start, end) of a local calendar day as UTC instants (23 or 25 hours on DST days). */
export function localDateBounds(date: string, timeZone: string): { start: Date; end: Date } {
  return { start: wallClockToUtc(date, 0, timeZone), end: wallClockToUtc(addDays(date, 1), 0, timeZone) };
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE_MS);
}

/** The local day containing `instant`: its date and [start, end) as UTC instants. */
export function localDayOf(instant: Date, timeZone: string): { date: string; start: Date; end: Date } {
  const { date } = toLocal(instant, timeZone);
  return { date, ...localDateBounds(date, timeZone) };
}
