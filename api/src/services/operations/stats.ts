// The statistics page's arithmetic, pure: rows in, totals and a local-time
// series out. Buckets are local days or local hours of the restaurant, so a
// DST day has 23 or 25 hourly buckets and each still spans one real hour.
import { addDays, localDateBounds, toLocal } from '../../domain/calendar.ts';
import type { StatsBucket, StatsFigures } from '../../contract/operations.ts';

export type Granularity = 'day' | 'hour';

export interface StatsRows {
  calls: { startedAt: Date; answeredAt: Date | null; handledBy: string; outcome: string }[];
  orders: { createdAt: Date; status: string; totalCents: number }[];
  reservations: { startsAt: Date; status: string; partySize: number }[];
}

export interface Bucket { start: Date; end: Date; date: string; time: string | null }

const HOUR_MS = 3_600_000;
const COUNTED_ORDERS = new Set(['confirmed', 'preparing', 'ready', 'out_for_delivery', 'completed']);
const COUNTED_RESERVATIONS = new Set(['pending', 'confirmed', 'seated', 'completed']);
const NOT_SAVED = new Set(['missed', 'failed']);

/** Inclusive local dates from..to. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function statsBuckets(from: string, to: string, granularity: Granularity, timeZone: string): Bucket[] {
  const out: Bucket[] = [];
  for (const date of datesBetween(from, to)) {
    const day = localDateBounds(date, timeZone);
    if (granularity === 'day') {
      out.push({ start: day.start, end: day.end, date, time: null });
      continue;
    }
    for (let t = day.start.getTime(); t < day.end.getTime(); t += HOUR_MS) {
      const start = new Date(t);
      out.push({ start, end: new Date(Math.min(t + HOUR_MS, day.end.getTime())), date, time: toLocal(start, timeZone).time });
    }
  }
  return out;
}

const zero = (): StatsFigures => ({
  callsAnswered: 0, missedCallsSaved: 0, orders: 0, revenueCents: 0, averageBasketCents: 0,
  commissionSavedCents: 0, reservations: 0, covers: 0,
});

function finish(f: StatsFigures, commissionBp: number): StatsFigures {
  return {
    ...f,
    averageBasketCents: f.orders ? Math.round(f.revenueCents / f.orders) : 0,
    commissionSavedCents: Math.round((f.revenueCents * commissionBp) / 10_000),
  };
}

/** Index of the bucket holding `t`, or -1 outside the range (buckets are contiguous and sorted). */
function bucketIndex(buckets: Bucket[], t: number): number {
  let lo = 0, hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = buckets[mid]!;
    if (t < b.start.getTime()) hi = mid - 1;
    else if (t >= b.end.getTime()) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function aggregateStats(
  input: { from: string; to: string; granularity: Granularity; timeZone: string; commissionBp: number },
  rows: StatsRows,
): { totals: StatsFigures; series: StatsBucket[] } {
  const buckets = statsBuckets(input.from, input.to, input.granularity, input.timeZone);
  const figures = buckets.map(zero);
  const totals = zero();
  const add = (at: Date, apply: (f: StatsFigures) => void) => {
    const i = bucketIndex(buckets, at.getTime());
    if (i < 0) return;
    apply(figures[i]!);
    apply(totals);
  };
  for (const c of rows.calls) {
    add(c.startedAt, (f) => {
      if (c.answeredAt) f.callsAnswered += 1;
      if (c.handledBy === 'agent' && !NOT_SAVED.has(c.outcome)) f.missedCallsSaved += 1;
    });
  }
  for (const o of rows.orders) {
    if (!COUNTED_ORDERS.has(o.status)) continue;
    add(o.createdAt, (f) => { f.orders += 1; f.revenueCents += o.totalCents; });
  }
  for (const r of rows.reservations) {
    if (!COUNTED_RESERVATIONS.has(r.status)) continue;
    add(r.startsAt, (f) => { f.reservations += 1; f.covers += r.partySize; });
  }
  return {
    totals: finish(totals, input.commissionBp),
    series: buckets.map((b, i) => ({
      ...finish(figures[i]!, input.commissionBp), start: b.start.toISOString(), date: b.date, time: b.time,
    })),
  };
}
