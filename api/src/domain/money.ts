// Money is integer cents; these helpers keep rounding and French formatting in
// one place so the spoken total always equals the stored one.

const NBSP = '\u00a0';

/** 1234567 → "12 345,67 €" (French grouping and comma, non-breaking spaces). */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${sign}${units},${String(abs % 100).padStart(2, '0')}${NBSP}€`;
}

/** Percentage of an amount, rounded half-up to the cent, in integer arithmetic. */
export function percentOfCents(cents: number, percent: number): number {
  return Math.floor((cents * percent + 50) / 100);
}
