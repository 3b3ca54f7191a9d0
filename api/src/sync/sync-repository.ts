// Every Prisma call of the sync module. Restaurant-scoped reads filter by
// restaurantId; the workers' cross-restaurant scans are explicit about it.
import type { Prisma, PrismaClient, SyncPlatform, SyncEntityType, SyncOutboxStatus } from '../generated/prisma/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

/** The outbox event of a push that writes our version back over a platform's change. */
export const CORRECTION_EVENT = 'reservation.corrected';

export type SyncConfigRow = Prisma.SyncPlatformConfigGetPayload<{ include: { restaurant: { select: { timeZone: true } } } }>;
export type OutboxRow = Prisma.SyncOutboxGetPayload<object>;
export type MappingRow = Prisma.SyncExternalMappingGetPayload<object>;

export function syncRepository(prisma: PrismaClient) {
  return {
    // ── platform configs ──
    config: (restaurantId: string, platform: SyncPlatform): Promise<SyncConfigRow | null> =>
      prisma.syncPlatformConfig.findUnique({ where: { restaurantId_platform: { restaurantId, platform } }, include: { restaurant: { select: { timeZone: true } } } }),
    enabledConfigs: (): Promise<SyncConfigRow[]> =>
      prisma.syncPlatformConfig.findMany({ where: { enabled: true }, include: { restaurant: { select: { timeZone: true } } } }),
    listConfigs: (restaurantId: string) => prisma.syncPlatformConfig.findMany({ where: { restaurantId }, orderBy: { platform: 'asc' } }),
    upsertConfig: (restaurantId: string, platform: SyncPlatform, data: Omit<Prisma.SyncPlatformConfigUncheckedCreateInput, 'restaurantId' | 'platform'>) =>
      prisma.syncPlatformConfig.upsert({
        where: { restaurantId_platform: { restaurantId, platform } },
        create: { ...data, restaurantId, platform },
        update: { ...data, tokenCacheEnc: null, tokenExpiresAt: null },
      }),
    saveToken: (id: string, tokenCacheEnc: string | null, tokenExpiresAt: Date | null) =>
      prisma.syncPlatformConfig.update({ where: { id }, data: { tokenCacheEnc, tokenExpiresAt } }),
    savePoll: (id: string, pollCursor: string, lastPolledAt: Date) =>
      prisma.syncPlatformConfig.update({ where: { id }, data: { pollCursor, lastPolledAt, lastError: null } }),
    saveError: (id: string, lastError: string, lastErrorAt: Date) =>
      prisma.syncPlatformConfig.update({ where: { id }, data: { lastError: lastError.slice(0, 500), lastErrorAt } }),

    // ── outbox ──
    duePending: (now: Date, take: number) =>
      prisma.syncOutbox.findMany({ where: { status: 'pending', nextAttemptAt: { lte: now } }, orderBy: { createdAt: 'asc' }, take }),
    markQueued: (id: string) => prisma.syncOutbox.updateMany({ where: { id, status: 'pending' }, data: { status: 'queued' } }),
    /** Rows a crashed process left in flight go back to the dispatcher; the job id stops a double enqueue. */
    resetStuck: (before: Date) =>
      prisma.syncOutbox.updateMany({ where: { status: { in: ['queued', 'processing'] }, updatedAt: { lt: before } }, data: { status: 'pending' } }),
    claim: async (id: string): Promise<OutboxRow | null> => {
      const n = await prisma.syncOutbox.updateMany({ where: { id, status: { in: ['pending', 'queued', 'processing'] } }, data: { status: 'processing', attempts: { increment: 1 } } });
      return n.count ? prisma.syncOutbox.findUnique({ where: { id } }) : null;
    },
    markDone: (id: string) => prisma.syncOutbox.update({ where: { id }, data: { status: 'done', lastError: null } }),
    markRetry: (id: string, lastError: string, nextAttemptAt: Date) =>
      prisma.syncOutbox.updateMany({ where: { id, status: 'processing' }, data: { status: 'queued', lastError: lastError.slice(0, 500), nextAttemptAt } }),
    markFailed: (id: string, lastError: string) =>
      prisma.syncOutbox.update({ where: { id }, data: { status: 'failed', lastError: lastError.slice(0, 500) } }),
    async listOutbox(restaurantId: string, status: SyncOutboxStatus | undefined, page: number, pageSize: number) {
      const where = { restaurantId, ...(status ? { status } : {}) };
      const [items, total] = await Promise.all([
        prisma.syncOutbox.findMany({ where, orderBy: { createdAt: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
        prisma.syncOutbox.count({ where }),
      ]);
      return { items, total };
    },
    retryFailed: (restaurantId: string, id: string) =>
      prisma.syncOutbox.updateMany({ where: { id, restaurantId, status: 'failed' }, data: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null } }),
    outboxOf: (restaurantId: string, entityId: string) =>
      prisma.syncOutbox.findMany({ where: { restaurantId, entityId }, orderBy: { createdAt: 'asc' } }),
    outboxOfMany: (restaurantId: string, entityIds: string[]) =>
      prisma.syncOutbox.findMany({ where: { restaurantId, entityId: { in: entityIds } }, orderBy: { createdAt: 'asc' } }),
    /** A push of this reservation that has not been sent yet: it will carry our current version anyway. */
    unsettledPush: (tx: Prisma.TransactionClient, restaurantId: string, platform: SyncPlatform, entityId: string) =>
      tx.syncOutbox.findFirst({ where: { restaurantId, platform, entityId, status: { in: ['pending', 'queued', 'processing'] } }, select: { id: true } }),
    correctionsSince: (tx: Prisma.TransactionClient, restaurantId: string, platform: SyncPlatform, entityId: string, since: Date) =>
      tx.syncOutbox.count({ where: { restaurantId, platform, entityId, event: CORRECTION_EVENT, createdAt: { gte: since } } }),
    addCorrection: (tx: Prisma.TransactionClient, row: { restaurantId: string; platform: SyncPlatform; entityId: string; payload: Prisma.InputJsonValue }) =>
      tx.syncOutbox.create({ data: { ...row, event: CORRECTION_EVENT, entityType: 'reservation' } }),

    // ── mappings ──
    mappingByExternal: (db: Db, restaurantId: string, platform: SyncPlatform, entityType: SyncEntityType, externalId: string) =>
      db.syncExternalMapping.findUnique({ where: { platform_restaurantId_entityType_externalId: { platform, restaurantId, entityType, externalId } } }),
    mappingByLocal: (db: Db, restaurantId: string, platform: SyncPlatform, entityType: SyncEntityType, localId: string) =>
      db.syncExternalMapping.findFirst({ where: { restaurantId, platform, entityType, localId } }),
    reservationMappings: (restaurantId: string, localIds: string[]) =>
      prisma.syncExternalMapping.findMany({ where: { restaurantId, entityType: 'reservation', localId: { in: localIds } } }),
    mappingsOf: (restaurantId: string, entityType?: SyncEntityType) =>
      prisma.syncExternalMapping.findMany({ where: { restaurantId, ...(entityType ? { entityType } : {}) }, orderBy: { createdAt: 'asc' } }),
    saveMapping: (db: Db, m: { restaurantId: string; platform: SyncPlatform; entityType: SyncEntityType; localId: string; externalId: string; externalUpdatedAt: Date | null; rawPayload: Prisma.InputJsonValue }) =>
      db.syncExternalMapping.upsert({
        where: { platform_restaurantId_entityType_externalId: { platform: m.platform, restaurantId: m.restaurantId, entityType: m.entityType, externalId: m.externalId } },
        create: m,
        update: { localId: m.localId, externalUpdatedAt: m.externalUpdatedAt, rawPayload: m.rawPayload },
      }),

    unmapOthers: (tx: Prisma.TransactionClient, m: { restaurantId: string; platform: SyncPlatform; entityType: SyncEntityType; localId: string; externalId: string }) =>
      tx.syncExternalMapping.deleteMany({ where: { restaurantId: m.restaurantId, platform: m.platform, entityType: m.entityType, localId: m.localId, externalId: { not: m.externalId } } }),

    // ── inbound events ──
    /** Returns false when the very same event was already recorded (at-least-once delivery). */
    async recordInbound(db: Db, e: { platform: SyncPlatform; restaurantId: string; externalId: string; externalUpdatedAt: string; eventType: string; payload?: Prisma.InputJsonValue; processedAt?: Date | null }) {
      const r = await db.syncInboundEvent.createMany({ data: [e], skipDuplicates: true });
      return r.count === 1;
    },
    pendingInbound: (take: number) =>
      prisma.syncInboundEvent.findMany({ where: { processedAt: null }, orderBy: { receivedAt: 'asc' }, take }),
    markInbound: (id: string, processedAt: Date, error: string | null) =>
      prisma.syncInboundEvent.update({ where: { id }, data: { processedAt, error: error?.slice(0, 500) ?? null } }),
    recentInbound: (restaurantId: string, take: number) =>
      prisma.syncInboundEvent.findMany({ where: { restaurantId }, orderBy: { receivedAt: 'desc' }, take }),

    // ── local side ──
    lockRestaurant: (tx: Prisma.TransactionClient, restaurantId: string) =>
      tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${restaurantId})::bigint)`,
    reservation: (db: Db, restaurantId: string, id: string) =>
      db.reservation.findFirst({ where: { id, restaurantId } }),
    reservationIds: async (restaurantId: string, ids: string[]) =>
      (await prisma.reservation.findMany({ where: { restaurantId, id: { in: ids } }, select: { id: true } })).map((r) => r.id),
    updateReservation: (tx: Prisma.TransactionClient, id: string, data: Prisma.ReservationUncheckedUpdateInput) =>
      tx.reservation.update({ where: { id }, data }),
    timeZone: async (restaurantId: string) =>
      (await prisma.restaurant.findUniqueOrThrow({ where: { id: restaurantId }, select: { timeZone: true } })).timeZone,
    async adjustLoad(tx: Prisma.TransactionClient, l: { restaurantId: string; platform: SyncPlatform; slotStart: Date; serviceId: string | null; covers: number; reservations: number }) {
      await tx.externalLoad.upsert({
        where: { restaurantId_platform_slotStart: { restaurantId: l.restaurantId, platform: l.platform, slotStart: l.slotStart } },
        create: { restaurantId: l.restaurantId, platform: l.platform, slotStart: l.slotStart, serviceId: l.serviceId, covers: Math.max(0, l.covers), reservations: Math.max(0, l.reservations) },
        update: { covers: { increment: l.covers }, reservations: { increment: l.reservations } },
      });
    },
    /** The platform's limits between `from` and `to` become exactly `limits`; booked covers are left alone. */
    replaceLimits: (restaurantId: string, platform: SyncPlatform, from: Date, to: Date, limits: Array<{ slotStart: Date; maxGuests: number }>, at: Date) =>
      prisma.$transaction(async (tx) => {
        // The booking lock: inbound bookings upsert the same rows.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${restaurantId})::bigint)`;
        await tx.externalLoad.updateMany({ where: { restaurantId, platform, slotStart: { gte: from, lt: to }, maxGuests: { not: null } }, data: { maxGuests: null, checkedAt: at } });
        for (const l of limits) {
          await tx.externalLoad.upsert({
            where: { restaurantId_platform_slotStart: { restaurantId, platform, slotStart: l.slotStart } },
            create: { restaurantId, platform, slotStart: l.slotStart, covers: 0, reservations: 0, maxGuests: l.maxGuests, checkedAt: at },
            update: { maxGuests: l.maxGuests, checkedAt: at },
          });
        }
      }, { timeout: 15_000 }),
    /** Limits of platforms no longer connected are dropped (a cross-restaurant sweep). */
    clearLimitsExcept: (enabled: Array<{ restaurantId: string; platform: SyncPlatform }>) =>
      prisma.externalLoad.updateMany({
        where: { maxGuests: { not: null }, ...(enabled.length ? { NOT: { OR: enabled.map((c) => ({ restaurantId: c.restaurantId, platform: c.platform })) } } : {}) },
        data: { maxGuests: null },
      }),
  };
}
export type SyncRepository = ReturnType<typeof syncRepository>;
