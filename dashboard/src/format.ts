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
