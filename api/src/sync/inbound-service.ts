// Applies what a platform says about one reservation. Events arrive at least
// once and out of order: the mapping's platform updated-at decides whether an
// event is news, under the restaurant's booking lock so two deliveries of the
// same event can never both apply. Platform bookings feed ExternalLoad; our own
// bookings, seen back from the platform, follow the mastering rules, and when
// ours wins over a platform that shows something else, a correction is pushed.
import type { Prisma, PrismaClient, Reservation, SyncPlatform } from '../generated/prisma/client.ts';
import { minutesOf, wallClockToUtc } from '../domain/calendar.ts';
import { isFinalReservationStatus, type ReservationStatus } from '../domain/status-machines.ts';
import { publishLiveEvent } from '../live/publish.ts';
import type { ExternalReservation } from './types.ts';
import { syncRepository } from './sync-repository.ts';
import { mergeStatus } from './status-maps.ts';
import { parseMastering, resolve } from './mastering.ts';
import { tagOf, toBooking } from './booking.ts';
import { platformModule } from './registry.ts';

const HOLDING: ReadonlySet<ReservationStatus> = new Set(['pending', 'confirmed', 'seated']);
// A platform that rewrites whatever we write (its own rules) would bounce
// corrections forever: after this many in the window, ours is kept without pushing.
const MAX_CORRECTIONS = 3;
const CORRECTION_WINDOW_MS = 60 * 60_000;

interface Counted { slotStart: string; covers: number; serviceId: string | null }
interface PlatformPayload { origin: 'platform'; updatedAt: string; status: ReservationStatus; counted: Counted | null; booking: ExternalReservation }

export type ApplyOutcome = 'stale' | 'load_updated' | 'local_updated' | 'local_kept' | 'correction_queued' | 'unknown_local';

const asDate = (s: string): Date | null => { const t = Date.parse(s); return Number.isNaN(t) ? null : new Date(t); };

export function inboundService(prisma: PrismaClient) {
  const repo = syncRepository(prisma);

  /** True when the mapping already holds this version or a later one. */
  function isStale(m: { externalUpdatedAt: Date | null; rawPayload: Prisma.JsonValue } | null, updatedAt: string): boolean {
    if (!m) return false;
    const at = asDate(updatedAt);
    if (at && m.externalUpdatedAt) return at <= m.externalUpdatedAt;
    return (m.rawPayload as { updatedAt?: string } | null)?.updatedAt === updatedAt;
  }

  /**
   * Ours won but the platform shows something else: a push in this transaction
   * writes our version back. Its echo then matches ours (or is stale by its
   * updated-at), so it changes nothing and queues nothing: no ping-pong.
   */
  async function correct(tx: Prisma.TransactionClient, c: { restaurantId: string; platform: SyncPlatform; timeZone: string }, local: Reservation, ext: ExternalReservation, now: Date) {
    if (!platformModule(c.platform).differs(toBooking(local, c.timeZone), ext)) return null;
    // A final status there is not reopened by us either.
    if (isFinalReservationStatus(ext.status)) return 'platform_final' as const;
    if (await repo.unsettledPush(tx, c.restaurantId, c.platform, local.id)) return 'already_pending' as const;
    if (await repo.correctionsSince(tx, c.restaurantId, c.platform, local.id, new Date(now.getTime() - CORRECTION_WINDOW_MS)) >= MAX_CORRECTIONS) return 'limit_reached' as const;
    await repo.addCorrection(tx, {
      restaurantId: c.restaurantId, platform: c.platform, entityId: local.id,
      payload: { reservationId: local.id, status: local.status, startsAt: local.startsAt.toISOString(), partySize: local.partySize, correcting: ext.updatedAt },
    });
    return 'queued' as const;
  }

  return {
    async apply(c: { restaurantId: string; platform: SyncPlatform; timeZone: string; mastering: Prisma.JsonValue }, ext: ExternalReservation, now: Date): Promise<ApplyOutcome> {
      return prisma.$transaction(async (tx) => {
        await repo.lockRestaurant(tx, c.restaurantId);
        const mapping = await repo.mappingByExternal(tx, c.restaurantId, c.platform, 'reservation', ext.externalId);
        if (isStale(mapping, ext.updatedAt)) return 'stale';
        const updatedAt = asDate(ext.updatedAt);
        const ours = mapping ? (mapping.rawPayload as { origin?: string } | null)?.origin === 'local' ? mapping.localId : null : tagOf(ext.note);
        const log = (payload: Record<string, unknown>) => repo.recordInbound(tx, {
          platform: c.platform, restaurantId: c.restaurantId, externalId: ext.externalId, externalUpdatedAt: ext.updatedAt,
          eventType: 'reservation.state', processedAt: now, payload: payload as Prisma.InputJsonValue,
        });

        if (ours) {
          const local = await repo.reservation(tx, c.restaurantId, ours);
          const save = () => repo.saveMapping(tx, {
            restaurantId: c.restaurantId, platform: c.platform, entityType: 'reservation', localId: ours, externalId: ext.externalId,
            externalUpdatedAt: updatedAt, rawPayload: { origin: 'local', updatedAt: ext.updatedAt, booking: { ...ext } },
          });
          if (!local) { await save(); return 'unknown_local'; }
          const resolution = resolve(parseMastering(c.mastering).reservation, updatedAt, local.updatedAt);
          const before = { status: local.status, startsAt: local.startsAt.toISOString(), partySize: local.partySize };
          const platformWins = resolution === 'platform_master' || resolution === 'platform_newer';
          const status = mergeStatus(local.status, ext.status);
          const startsAt = wallClockToUtc(ext.day, minutesOf(ext.time), c.timeZone);
          const changed = platformWins && (status !== local.status || (!isFinalReservationStatus(local.status) && (startsAt.getTime() !== local.startsAt.getTime() || ext.partySize !== local.partySize)));
          if (changed) {
            const moved = !isFinalReservationStatus(local.status);
            const data: Prisma.ReservationUncheckedUpdateInput = {
              status, ...(status !== local.status ? { statusChangedAt: now } : {}),
              ...(moved ? { startsAt, endsAt: new Date(startsAt.getTime() + (local.endsAt.getTime() - local.startsAt.getTime())), partySize: ext.partySize } : {}),
              ...(status === 'cancelled' && local.status !== 'cancelled' ? { cancelReason: `Annulée sur ${c.platform === 'zenchef' ? 'Zenchef' : 'TheFork'}` } : {}),
            };
            const saved = await repo.updateReservation(tx, local.id, data);
            await save();
            await log({ resolution, local: before, platform: { ...ext } });
            await publishLiveEvent(tx, c.restaurantId, status !== local.status ? 'reservation.status_changed' : 'reservation.updated', {
              reservationId: saved.id, startsAt: saved.startsAt.toISOString(), partySize: saved.partySize, status: saved.status, from: local.status, to: saved.status, via: c.platform,
            });
            return 'local_updated';
          }
          await save();
          const correction = platformWins ? null : await correct(tx, c, local, ext, now);
          await log({ resolution, local: before, platform: { ...ext }, kept: 'local', ...(correction ? { correction } : {}) });
          return correction === 'queued' ? 'correction_queued' : 'local_kept';
        }

        // A booking made on the platform: it counts against our availability through ExternalLoad.
        const prev = mapping ? (mapping.rawPayload as unknown as PlatformPayload | null) : null;
        const status = prev ? mergeStatus(prev.status, ext.status) : ext.status;
        const serviceId = ext.serviceExternalId
          ? (await repo.mappingByExternal(tx, c.restaurantId, c.platform, 'service', ext.serviceExternalId))?.localId ?? null : null;
        const counted: Counted | null = HOLDING.has(status)
          ? { slotStart: wallClockToUtc(ext.day, minutesOf(ext.time), c.timeZone).toISOString(), covers: ext.partySize, serviceId } : null;
        if (prev?.counted) await repo.adjustLoad(tx, { restaurantId: c.restaurantId, platform: c.platform, slotStart: new Date(prev.counted.slotStart), serviceId: prev.counted.serviceId, covers: -prev.counted.covers, reservations: -1 });
        if (counted) await repo.adjustLoad(tx, { restaurantId: c.restaurantId, platform: c.platform, slotStart: new Date(counted.slotStart), serviceId, covers: counted.covers, reservations: 1 });
        const payload: PlatformPayload = { origin: 'platform', updatedAt: ext.updatedAt, status, counted, booking: ext };
        await repo.saveMapping(tx, {
          restaurantId: c.restaurantId, platform: c.platform, entityType: 'reservation', localId: `${c.platform}:${ext.externalId}`,
          externalId: ext.externalId, externalUpdatedAt: updatedAt, rawPayload: payload as unknown as Prisma.InputJsonValue,
        });
        await log({ resolution: 'platform_booking', before: prev ? { status: prev.status, counted: prev.counted } : null, platform: { ...ext }, status });
        await publishLiveEvent(tx, c.restaurantId, 'sync.updated', { platform: c.platform, externalId: ext.externalId, status, day: ext.day, time: ext.time, partySize: ext.partySize });
        return 'load_updated';
      }, { timeout: 15_000 });
    },
  };
}
export type InboundService = ReturnType<typeof inboundService>;
