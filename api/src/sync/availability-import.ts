// Covers import: each platform's own availability for the coming days becomes a
// per-slot limit on ExternalLoad (`maxGuests`), so we never offer a time a
// platform has closed or narrowed. It is a limit, not covers: the platform's
// bookings already count through the inbound sync, and ours sit on the
// platform too, so adding its occupancy to our sums would count them twice.
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import { addDays, localDateBounds, minutesOf, toLocal, wallClockToUtc } from '../domain/calendar.ts';
import type { SlotAvailability } from './types.ts';
import { syncRepository, type SyncConfigRow } from './sync-repository.ts';
import type { ConnectorFor } from './connector-factory.ts';

/** As far ahead as a caller books in practice; each day is one request per platform. */
export const AVAILABILITY_DAYS_AHEAD = 14;
// The party asked about: the most common one. TheFork answers only yes or no for it.
export const PROBE_PARTY_SIZE = 2;

export interface SlotLimit { day: string; time: string; maxGuests: number }

/**
 * The slots a platform limits: those refusing the probe party, and those taking
 * fewer guests than its widest slot in the window (its usual ceiling, which is
 * the widget's limit rather than a sign of fullness, so it is never recorded).
 */
export function platformLimits(slots: readonly SlotAvailability[]): SlotLimit[] {
  const ceiling = slots.some((s) => s.maxGuests === null) ? Infinity : Math.max(0, ...slots.map((s) => s.maxGuests ?? 0));
  return slots
    .filter((s): s is SlotAvailability & { maxGuests: number } => s.maxGuests !== null && (!s.available || s.maxGuests < ceiling))
    .map((s) => ({ day: s.day, time: s.time, maxGuests: s.maxGuests }));
}

export function availabilityImporter(prisma: PrismaClient, connectorFor: ConnectorFor, log: Logger) {
  const repo = syncRepository(prisma);

  async function importOne(cfg: SyncConfigRow, now: Date): Promise<number> {
    const tz = cfg.restaurant.timeZone;
    const first = toLocal(now, tz).date;
    const days = Array.from({ length: AVAILABILITY_DAYS_AHEAD }, (_, i) => addDays(first, i));
    const connector = connectorFor(cfg);
    const slots: SlotAvailability[] = [];
    // One day after the other, gentle on rate limits. A failure writes nothing: the last known limits stay.
    for (const day of days) slots.push(...await connector.availability(day, PROBE_PARTY_SIZE));
    const limits = platformLimits(slots).map((l) => ({ slotStart: wallClockToUtc(l.day, minutesOf(l.time), tz), maxGuests: l.maxGuests }));
    await repo.replaceLimits(cfg.restaurantId, cfg.platform, localDateBounds(first, tz).start, localDateBounds(days.at(-1)!, tz).end, limits, now);
    return limits.length;
  }

  return {
    async importAll(now: Date): Promise<void> {
      const configs = await repo.enabledConfigs();
      // A platform switched off no longer closes our slots.
      await repo.clearLimitsExcept(configs);
      for (const cfg of configs) {
        try {
          const n = await importOne(cfg, now);
          log.debug({ platform: cfg.platform, restaurantId: cfg.restaurantId, limited: n }, 'platform availability imported');
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          log.warn({ platform: cfg.platform, restaurantId: cfg.restaurantId, err: message }, 'platform availability import failed');
          await repo.saveError(cfg.id, `Disponibilités : ${message}`, now);
        }
      }
    },
  };
}
