// Restaurant-local wall-clock time ↔ UTC instants, with Intl only (no tz
// database dependency). Instants are stored in UTC; dates and "HH:MM" strings
// are always in the restaurant's IANA time zone.

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

export function toLocal(instant: Date, timeZone: string): LocalParts {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((x) => [x.type, x.value]));
  const hh = Number(p.hour), mm = Number(p.minute);
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
    weekday: WEEKDAYS[p.weekday ?? ''] ?? 0,
    minutes: hh * 60 + mm,
  };
}

function offsetMs(instant: Date, timeZone: string): number {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The UTC instant of a local date and time. In the autumn overlap the earlier
 * instant wins; a time skipped in spring resolves to the instant one hour later,
 * which is what a guest arriving at "02:30" on that night would experience.
 */
export function localToUtc(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const first = guess - offsetMs(new Date(guess), timeZone);
  const second = guess - offsetMs(new Date(first), timeZone);
  return new Date(Math.min(first, second));
}

/** [start, end) of the local day containing `instant`, as UTC instants. */
export function localDayBounds(instant: Date, timeZone: string): { date: string; start: Date; end: Date } {
  const { date } = toLocal(instant, timeZone);
  const start = localToUtc(date, '00:00', timeZone);
  const next = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1));
  const end = localToUtc(next.toISOString().slice(0, 10), '00:00', timeZone);
  return { date, start, end };
}
