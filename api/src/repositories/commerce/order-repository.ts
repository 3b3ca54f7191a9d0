import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { fitsKitchenCap, KITCHEN_LOCK, kitchenSlot, type KitchenCap } from './order-insert.ts';
import { KITCHEN_LOAD } from './restaurant-rules-repository.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export const orderInclude = { items: { orderBy: { sortOrder: 'asc' } } } as const satisfies Prisma.OrderInclude;
export type OrderRow = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

export function orderRepository(prisma: Db) {
  return {
    find: (restaurantId: string, id: string) => prisma.order.findFirst({ where: { id, restaurantId }, include: orderInclude }),

    /** The order taken on a call (at most one: Order.callId is unique). */
    findByCall: (restaurantId: string, callId: string) => prisma.order.findFirst({ where: { callId, restaurantId }, include: orderInclude }),

    updateStatus: (tx: Prisma.TransactionClient, id: string, fromStatus: OrderRow['status'], data: Prisma.OrderUncheckedUpdateInput) =>
      // Conditional on the status read: a concurrent change makes this match nothing.
      tx.order.updateMany({ where: { id, status: fromStatus }, data }),

    /**
     * Takes the restaurant's kitchen lock (until the transaction ends) and
     * counts the order's slot again without it: whether it still fits there
     * with `items` items.
     */
    async kitchenHasRoom(tx: Prisma.TransactionClient, o: { restaurantId: string; id: string; promisedAt: Date; deliveryDurationS: number | null }, cap: KitchenCap, items: number) {
      const { slot, loadValues } = kitchenSlot(o.promisedAt, o.deliveryDurationS, o.restaurantId, o.id);
      await tx.$executeRawUnsafe(KITCHEN_LOCK, o.restaurantId);
      const load = await tx.$queryRawUnsafe<Array<{ slot: Date; orders: number; items: number }>>(KITCHEN_LOAD, ...loadValues);
      return fitsKitchenCap(load, slot, cap, items);
    },

    /**
     * New lines and totals for an order, if it is still as it was read (one of
     * `statuses`, the same updatedAt); false when it changed meanwhile. The
     * customer's spending moves by the difference.
     */
    async replaceLines(
      tx: Prisma.TransactionClient, was: { id: string; updatedAt: Date; totalCents: number; customerId: string | null }, statuses: OrderRow['status'][],
      data: Prisma.OrderUncheckedUpdateManyInput & { totalCents: number }, lines: Array<Omit<Prisma.OrderItemCreateManyInput, 'orderId' | 'sortOrder'>>,
    ): Promise<boolean> {
      const n = await tx.order.updateMany({ where: { id: was.id, status: { in: statuses }, updatedAt: was.updatedAt }, data });
      if (n.count === 0) return false;
      await tx.orderItem.deleteMany({ where: { orderId: was.id } });
      await tx.orderItem.createMany({ data: lines.map((l, sortOrder) => ({ ...l, orderId: was.id, sortOrder })) });
      if (was.customerId && data.totalCents !== was.totalCents) {
        await tx.customer.update({ where: { id: was.customerId }, data: { totalSpentCents: { increment: data.totalCents - was.totalCents } } });
      }
      return true;
    },

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
