// Opening hours and closures as GotoIfTime() time specs in the restaurant's
// own time zone, so Asterisk decides "open or not" without asking anyone.
import type { AsteriskRestaurant } from '../../../api/src/contract/provisioning.ts';

// Asterisk's day names, indexed by ISO weekday (1 = Monday … 7 = Sunday).
const DAYS = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
// A closure longer than this is a data mistake; it must not unroll into thousands of lines.
const MAX_CLOSURE_DAYS = 366;

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhMm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** "weekday,times" pairs: GotoIfTime's end minute is inclusive, so "closes 14:30" becomes "…-14:29". */
export interface OpenSpan { day: string; times: string }

export function openSpans(r: AsteriskRestaurant): OpenSpan[] {
  const spans: OpenSpan[] = [];
  for (const h of r.openingHours) {
    const open = toMinutes(h.opensAt);
    const close = toMinutes(h.closesAt);
    if (close > open) {
      spans.push({ day: DAYS[h.weekday] ?? '', times: `${toHhMm(open)}-${toHhMm(close - 1)}` });
    } else if (close < open || (close === open && open !== 0)) {
      // Past midnight: GotoIfTime's weekday applies to the whole range, so the night is split in two.
      spans.push({ day: DAYS[h.weekday] ?? '', times: `${toHhMm(open)}-23:59` });
      if (close > 0) spans.push({ day: DAYS[(h.weekday % 7) + 1] ?? '', times: `00:00-${toHhMm(close - 1)}` });
    } else {
      spans.push({ day: DAYS[h.weekday] ?? '', times: '00:00-23:59' });
    }
  }
  return spans;
}

/** "mdays,month" pairs for each run of closed days within a month; GotoIfTime has no year. */
export interface ClosedSpan { mdays: string; month: string; from: string; to: string }

export function closedSpans(r: AsteriskRestaurant): ClosedSpan[] {
  const spans: ClosedSpan[] = [];
  for (const c of r.closures) {
    const start = Date.parse(`${c.startDate}T00:00:00Z`);
    const end = Date.parse(`${c.endDate}T00:00:00Z`);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) continue;
    let runStart: Date | null = null;
    const days = Math.min(Math.round((end - start) / 86_400_000), MAX_CLOSURE_DAYS);
    for (let i = 0; i <= days; i++) {
      const d = new Date(start + i * 86_400_000);
      runStart ??= d;
      const next = new Date(d.getTime() + 86_400_000);
      if (i === days || next.getUTCMonth() !== d.getUTCMonth()) {
        const a = runStart.getUTCDate(), b = d.getUTCDate();
        spans.push({
          mdays: a === b ? String(a) : `${a}-${b}`, month: MONTHS[d.getUTCMonth()] ?? '',
          from: runStart.toISOString().slice(0, 10), to: d.toISOString().slice(0, 10),
        });
        runStart = null;
      }
    }
  }
  return spans;
}

