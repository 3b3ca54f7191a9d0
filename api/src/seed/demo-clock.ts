// Local wall-clock arithmetic for the demo data, with Intl only: the schema
// stores "HH:MM" and "YYYY-MM-DD" in the restaurant's zone but instants in UTC,
// and the demo must look right whatever zone the machine running it is in.

import { addDays, isoWeekdayOf, minutesOf, toLocal, wallClockToUtc } from '../domain/calendar.ts';

export const DEMO_TZ = 'Europe/Paris';

export { addDays };
export const isoWeekday = isoWeekdayOf;

/** The local calendar date ("YYYY-MM-DD") of an instant. */
export const localDateOf = (instant: Date, timeZone = DEMO_TZ): string => toLocal(instant, timeZone).date;

/** Minutes since local midnight of an instant. */
export const localMinutesOf = (instant: Date, timeZone = DEMO_TZ): number => toLocal(instant, timeZone).minutes;

/** The UTC instant of a local date and "HH:MM" in the zone. */
export const localToUtc = (date: string, hhmm: string, timeZone = DEMO_TZ): Date => wallClockToUtc(date, minutesOf(hhmm), timeZone);

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
