// When the restaurant takes orders: weekly hours, overridden per date by
// closures and exceptional openings. All rules are local wall-clock; results
// are UTC intervals so callers compare instants, never strings.
import { toLocal } from '../calendar.ts';
import { addDays, isoWeekdayOf, localMinutesToUtc, minutesOf } from '../calendar.ts';

export interface OpeningHoursRow {
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  opensAt: string;
  /** "24:00" allowed; a time at or before opensAt means the next morning. */
  closesAt: string;
}

export interface ClosureRow {
  startDate: string;
  endDate: string;
  isOpening: boolean;
  opensAt?: string | null;
  closesAt?: string | null;
}

export interface OpeningSchedule {
  openingHours: OpeningHoursRow[];
  closures: ClosureRow[];
  timeZone: string;
}

export interface Interval {
  start: Date;
  end: Date;
}

const covers = (c: ClosureRow, date: string): boolean => c.startDate <= date && date <= c.endDate;

/**
 * What overrides the weekly hours on `date`. An exceptional opening beats a
 * closure because it is the more specific intent ("closed all August, but
 * open on the 15th"). An opening row without times just lifts the closure.
 */
export function dayOverride(closures: ClosureRow[], date: string):
  | { kind: 'closed' }
  | { kind: 'hours'; hours: Array<{ opensAt: string; closesAt: string }> }
  | { kind: 'weekly' } {
  const day = closures.filter((c) => covers(c, date));
  const openings = day.filter((c) => c.isOpening);
  const timed = openings.flatMap((c) => (c.opensAt && c.closesAt ? [{ opensAt: c.opensAt, closesAt: c.closesAt }] : []));
  if (timed.length > 0) return { kind: 'hours', hours: timed };
  if (openings.length > 0) return { kind: 'weekly' };
  if (day.length > 0) return { kind: 'closed' };
  return { kind: 'weekly' };
}

/** Open intervals that START on the local `date`, sorted, as UTC instants. */
export function openIntervalsForDate(schedule: OpeningSchedule, date: string): Interval[] {
  const override = dayOverride(schedule.closures, date);
  if (override.kind === 'closed') return [];
  const weekday = isoWeekdayOf(date);
  const rows = override.kind === 'hours' ? override.hours : schedule.openingHours.filter((r) => r.weekday === weekday);
  return rows
    .map((r) => {
      const open = minutesOf(r.opensAt);
      let close = minutesOf(r.closesAt);
      if (close <= open) close += 1440;
      return {
        start: localMinutesToUtc(date, open, schedule.timeZone),
        end: localMinutesToUtc(date, close, schedule.timeZone),
      };
    })
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

export function isOpenAt(schedule: OpeningSchedule, instant: Date): boolean {
  return isWithin(intervalsAround(schedule, toLocal(instant, schedule.timeZone).date), instant);
}

/** The intervals that can contain an instant of a local date: yesterday's late opening may still be running after midnight. */
export function intervalsAround(schedule: OpeningSchedule, date: string): Interval[] {
  return [addDays(date, -1), date].flatMap((d) => openIntervalsForDate(schedule, d));
}

export const isWithin = (intervals: readonly Interval[], instant: Date): boolean =>
  intervals.some((i) => i.start <= instant && instant < i.end);
