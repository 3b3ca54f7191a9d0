import { AppError } from '../../errors.ts';
import { addDays, localDateBounds, toLocal } from '../../domain/calendar.ts';
import type { StatsRepository } from '../../repositories/operations/stats-repository.ts';
import type { StatsQuery, StatsResponse } from '../../contract/operations.ts';
import { aggregateStats } from './stats.ts';

export const MAX_STATS_DAYS = 366;

function rangeError(message: string, path: string): AppError {
  return new AppError('validation_failed', `Invalid request: ${path}: ${message}`, { fields: [{ path, message }] });
}

export function statsService(repo: StatsRepository) {
  return {
    async stats(restaurantId: string, q: StatsQuery, now: Date): Promise<StatsResponse> {
      const r = await repo.restaurant(restaurantId);
      if (!r) throw new AppError('not_found', 'Restaurant introuvable');
      const to = q.to ?? toLocal(now, r.timeZone).date;
      const from = q.from ?? addDays(to, -6);
      if (from > to) throw rangeError('must not be after "to"', 'from');
      // Compare by count without building the list of a huge range first.
      if (addDays(from, MAX_STATS_DAYS - 1) < to) throw rangeError(`at most ${MAX_STATS_DAYS} days`, 'from');
      const start = localDateBounds(from, r.timeZone).start;
      const end = localDateBounds(to, r.timeZone).end;
      const rows = await repo.rows(restaurantId, start, end);
      const { totals, series } = aggregateStats(
        { from, to, granularity: q.granularity, timeZone: r.timeZone, commissionBp: r.platformCommissionBp }, rows,
      );
      return { from, to, granularity: q.granularity, timeZone: r.timeZone, platformCommissionBp: r.platformCommissionBp, totals, series };
    },
  };
}
export type StatsService = ReturnType<typeof statsService>;
