import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

// Every write takes the caller's transaction: customers change together with the order or booking.
export function customerRepository() {
  return {
    /**
     * Creates the customer on first contact, fills in names never given before,
     * never erases; with `order`, counts it in the same statement.
     */
    upsertByPhone: (tx: Db, restaurantId: string, phone: string, data: { firstName?: string | undefined; lastName?: string | undefined; email?: string | undefined }, order?: { totalCents: number; at: Date }) =>
      tx.customer.upsert({
        where: { restaurantId_phone: { restaurantId, phone } },
        create: {
          restaurantId, phone, firstName: data.firstName ?? null, lastName: data.lastName ?? null, email: data.email ?? null,
          ...(order ? { orderCount: 1, totalSpentCents: order.totalCents, lastOrderAt: order.at } : {}),
        },
        update: {
          ...(data.firstName ? { firstName: data.firstName } : {}),
          ...(data.lastName ? { lastName: data.lastName } : {}),
          ...(data.email ? { email: data.email } : {}),
          ...(order ? { orderCount: { increment: 1 }, totalSpentCents: { increment: order.totalCents }, lastOrderAt: order.at } : {}),
        },
      }),

    countReservation: (tx: Db, id: string) => tx.customer.update({ where: { id }, data: { reservationCount: { increment: 1 } } }),
  };
}
export type CustomerRepository = ReturnType<typeof customerRepository>;
