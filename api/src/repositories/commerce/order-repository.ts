import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export const orderInclude = { items: { orderBy: { sortOrder: 'asc' } } } as const satisfies Prisma.OrderInclude;
export type OrderRow = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

export function orderRepository(prisma: Db) {
  return {
    find: (restaurantId: string, id: string) => prisma.order.findFirst({ where: { id, restaurantId }, include: orderInclude }),

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
