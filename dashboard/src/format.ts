import { intlLocale } from './i18n/index.ts';

// Formatters are rebuilt per call on purpose: the UI language can change at any time and these lists are short.

/** Integer cents to a currency string, e.g. 1250 → "12,50 €". */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency }).format(cents / 100);
}

/** Wall-clock time in the restaurant's zone, not the browser's: a manager abroad still sees service times. */
export function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** A calendar date 'YYYY-MM-DD' as a long date; formatted at UTC noon so no zone can shift the day. */
export function formatLongDate(date: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

export function formatInteger(n: number): string {
  return new Intl.NumberFormat(intlLocale()).format(n);
}

/** An instant as the restaurant's local date 'YYYY-MM-DD' and time 'HH:MM'. */
export function localParts(iso: string | Date, timeZone: string): { date: string; time: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(typeof iso === 'string' ? new Date(iso) : iso);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const time = `${get('hour')}:${get('minute')}`;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

export const todayIn = (timeZone: string) => localParts(new Date(), timeZone).date;

/** 'YYYY-MM-DD' plus n days, on the calendar (no zone involved). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

export const minutesToHhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
