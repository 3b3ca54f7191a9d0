// Every Prisma call of the sync module. Restaurant-scoped reads filter by
// restaurantId; the workers' cross-restaurant scans are explicit about it.
import type { Prisma, PrismaClient, SyncPlatform, SyncEntityType, SyncOutboxStatus } from '../generated/prisma/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

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

    // ── mappings ──
    mappingByExternal: (db: Db, restaurantId: string, platform: SyncPlatform, entityType: SyncEntityType, externalId: string) =>
      db.syncExternalMapping.findUnique({ where: { platform_restaurantId_entityType_externalId: { platform, restaurantId, entityType, externalId } } }),
    mappingByLocal: (db: Db, restaurantId: string, platform: SyncPlatform, entityType: SyncEntityType, localId: string) =>
      db.syncExternalMapping.findFirst({ where: { restaurantId, platform, entityType, localId } }),
    mappingsOf: (restaurantId: string, entityType?: SyncEntityType) =>
      prisma.syncExternalMapping.findMany({ where: { restaurantId, ...(entityType ? { entityType } : {}) }, orderBy: { createdAt: 'asc' } }),
    saveMapping: (db: Db, m: { restaurantId: string; platform: SyncPlatform; entityType: SyncEntityType; localId: string; externalId: string; externalUpdatedAt: Date | null; rawPayload: Prisma.InputJsonValue }) =>
      db.syncExternalMapping.upsert({
        where: { platform_restaurantId_entityType_externalId: { platform: m.platform, restaurantId: m.restaurantId, entityType: m.entityType, externalId: m.externalId } },
        create: m,
        update: { localId: m.localId, externalUpdatedAt: m.externalUpdatedAt, rawPayload: m.rawPayload },
      }),

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
  };
}
export type SyncRepository = ReturnType<typeof syncRepository>;
