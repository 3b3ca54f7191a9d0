import { z } from 'zod';
import { Cents } from '../common.ts';
import { LocalDate } from './paging.ts';

/** Local dates in the restaurant's zone, inclusive; default the last 7 days. At most 366 days. */
export const StatsQuery = z.object({
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  granularity: z.enum(['day', 'hour']).default('day'),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

/**
 * - callsAnswered: calls with an answer time, by start time.
 * - missedCallsSaved: an honest approximation of the calls that would have
 *   been lost without the agent: calls handled by the agent (not transferred to
 *   staff) whose outcome is neither missed nor failed.
 * - orders / revenueCents: orders created in the period and status confirmed,
 *   preparing, ready, out_for_delivery or completed (not pending nor cancelled).
 * - averageBasketCents: revenue / orders, rounded; 0 without orders.
 * - commissionSavedCents: revenue × platformCommissionBp / 10 000, what a
 *   delivery platform would have taken.
 * - reservations / covers: reservations starting in the period and not
 *   cancelled nor no-show, and their party sizes.
 */
export const StatsFigures = z.object({
  callsAnswered: z.number().int(),
  missedCallsSaved: z.number().int(),
  orders: z.number().int(),
  revenueCents: Cents,
  averageBasketCents: Cents,
  commissionSavedCents: Cents,
  reservations: z.number().int(),
  covers: z.number().int(),
});
export type StatsFigures = z.infer<typeof StatsFigures>;

export const StatsBucket = StatsFigures.extend({
  /** UTC instant the bucket starts. */
  start: z.string(),
  /** Local date, and for hourly buckets the local hour "HH:MM" (twice on an autumn DST day). */
  date: z.string(),
  time: z.string().nullable(),
});
export type StatsBucket = z.infer<typeof StatsBucket>;

export const StatsResponse = z.object({
  from: z.string(),
  to: z.string(),
  granularity: z.enum(['day', 'hour']),
  timeZone: z.string(),
  platformCommissionBp: z.number().int(),
  totals: StatsFigures,
  series: z.array(StatsBucket),
});
export type StatsResponse = z.infer<typeof StatsResponse>;
