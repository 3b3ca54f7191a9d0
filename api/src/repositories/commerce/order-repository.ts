import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export const orderInclude = { items: { orderBy: { sortOrder: 'asc' } } } as const satisfies Prisma.OrderInclude;
export type OrderRow = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

export function orderRepository(prisma: Db) {
  return {
    findByIdempotencyKey: (idempotencyKey: string) => prisma.order.findUnique({ where: { idempotencyKey }, include: orderInclude }),
    find: (restaurantId: string, id: string) => prisma.order.findFirst({ where: { id, restaurantId }, include: orderInclude }),
    findByCall: (restaurantId: string, callId: string) => prisma.order.findFirst({ where: { callId, restaurantId }, include: orderInclude }),

    /** The next per-restaurant number, in one statement: its row lock lasts only as long as that statement. */
    async nextNumber(db: Db, restaurantId: string): Promise<number> {
      const rows = await db.$queryRaw<Array<{ lastNumber: number }>>`
        INSERT INTO "OrderCounter" ("restaurantId", "lastNumber") VALUES (${restaurantId}, 1)
        ON CONFLICT ("restaurantId") DO UPDATE SET "lastNumber" = "OrderCounter"."lastNumber" + 1
        RETURNING "lastNumber"`;
      const n = rows[0]?.lastNumber;
      if (n === undefined) throw new Error('order counter returned no row');
      return n;
    },

    create: (tx: Prisma.TransactionClient, data: Prisma.OrderUncheckedCreateInput) => tx.order.create({ data, include: orderInclude }),

    updateStatus: (tx: Prisma.TransactionClient, id: string, fromStatus: OrderRow['status'], data: Prisma.OrderUncheckedUpdateInput) =>
      // Conditional on the status read: a concurrent change makes this match nothing.
      tx.order.updateMany({ where: { id, status: fromStatus }, data }),

    async list(where: Prisma.OrderWhereInput, page: number, pageSize: number) {
      const [items, total] = await Promise.all([
        prisma.order.findMany({ where, include: orderInclude, orderBy: { createdAt: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
        prisma.order.count({ where }),
      ]);
      return { items, total };
    },
  };
}
export type OrderRepository = ReturnType<typeof orderRepository>;
