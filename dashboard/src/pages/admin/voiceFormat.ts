import { intlLocale } from '../../i18n/index.ts';

/** "il y a 12 s", "il y a 3 min", "il y a 2 h", "il y a 4 j": how long ago a beat was, in the UI language. */
export function formatAgo(iso: string, now: Date): string {
  const s = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
  const rtf = new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'always', style: 'short' });
  if (s < 60) return rtf.format(-s, 'second');
  if (s < 3600) return rtf.format(-Math.floor(s / 60), 'minute');
  if (s < 86_400) return rtf.format(-Math.floor(s / 3600), 'hour');
  return rtf.format(-Math.floor(s / 86_400), 'day');
}

const unit = (n: number, u: 'day' | 'hour' | 'minute') =>
  new Intl.NumberFormat(intlLocale(), { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(n);

/** Asterisk's uptime in its two largest units: "3j 4h", "5h 12min", "8min" (in French). */
export function formatUptime(seconds: number): string {
  const d = Math.floor(seconds / 86_400), h = Math.floor((seconds % 86_400) / 3600), m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${unit(d, 'day')} ${unit(h, 'hour')}`;
  if (h > 0) return `${unit(h, 'hour')} ${unit(m, 'minute')}`;
  return unit(m, 'minute');
}
