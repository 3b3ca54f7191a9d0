import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export const reservationInclude = { tables: { select: { tableId: true } } } as const satisfies Prisma.ReservationInclude;
export type ReservationRow = Prisma.ReservationGetPayload<{ include: typeof reservationInclude }>;

export function reservationRepository(prisma: Db) {
  return {
    findByIdempotencyKey: (idempotencyKey: string) =>
      prisma.reservation.findUnique({ where: { idempotencyKey }, include: reservationInclude }),
    find: (restaurantId: string, id: string) => prisma.reservation.findFirst({ where: { id, restaurantId }, include: reservationInclude }),

    /** Upcoming bookings under a phone number, for "je voudrais décaler ma réservation". */
    upcomingByPhone: (restaurantId: string, phone: string, now: Date) =>
      prisma.reservation.findMany({
        where: { restaurantId, customerPhone: phone, startsAt: { gte: now }, status: { in: ['pending', 'confirmed'] } },
        include: reservationInclude, orderBy: { startsAt: 'asc' }, take: 5,
      }),

    /**
     * Serialises bookings of one restaurant for the rest of the transaction, so
     * two callers can never both get the last table.
     */
    lockRestaurant: (tx: Prisma.TransactionClient, restaurantId: string) =>
      tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${restaurantId})::bigint)`,

    create: (tx: Prisma.TransactionClient, data: Prisma.ReservationUncheckedCreateInput, tableIds: string[]) =>
      tx.reservation.create({
        data: { ...data, tables: { create: tableIds.map((tableId) => ({ tableId })) } },
        include: reservationInclude,
      }),

    async update(tx: Prisma.TransactionClient, id: string, data: Prisma.ReservationUncheckedUpdateInput, tableIds?: string[]) {
      if (tableIds) {
        await tx.reservationTable.deleteMany({ where: { reservationId: id } });
        await tx.reservationTable.createMany({ data: tableIds.map((tableId) => ({ reservationId: id, tableId })) });
      }
      return tx.reservation.update({ where: { id }, data, include: reservationInclude });
    },

    updateStatus: (tx: Prisma.TransactionClient, id: string, fromStatus: ReservationRow['status'], data: Prisma.ReservationUncheckedUpdateInput) =>
      tx.reservation.updateMany({ where: { id, status: fromStatus }, data }),

    async list(where: Prisma.ReservationWhereInput, page: number, pageSize: number) {
      const [items, total] = await Promise.all([
        prisma.reservation.findMany({ where, include: reservationInclude, orderBy: { startsAt: 'asc' }, skip: (page - 1) * pageSize, take: pageSize }),
        prisma.reservation.count({ where }),
      ]);
      return { items, total };
    },

    /** Platforms that must hear about this restaurant's reservation changes. */
    enabledPlatforms: (tx: Db, restaurantId: string) =>
      tx.syncPlatformConfig.findMany({ where: { restaurantId, enabled: true }, select: { platform: true } }),

    /** Written in the caller's transaction: the change and its sync event commit together. */
    addOutbox: (tx: Prisma.TransactionClient, rows: Prisma.SyncOutboxCreateManyInput[]) =>
      rows.length ? tx.syncOutbox.createMany({ data: rows }) : Promise.resolve({ count: 0 }),
  };
}
export type ReservationRepository = ReturnType<typeof reservationRepository>;
