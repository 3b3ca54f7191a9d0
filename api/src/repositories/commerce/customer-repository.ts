import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

// Every write takes the caller's transaction: customers change together with the order or booking.
export function customerRepository() {
  return {
    /** Creates the customer on first contact, updates the names given, never erases. (Orders do this in their own statement.) */
    upsertByPhone: (tx: Db, restaurantId: string, phone: string, data: { firstName?: string | undefined; lastName?: string | undefined; email?: string | undefined }) =>
      tx.customer.upsert({
        where: { restaurantId_phone: { restaurantId, phone } },
        create: {
          restaurantId, phone, firstName: data.firstName ?? null, lastName: data.lastName ?? null, email: data.email ?? null,
        },
        update: {
          ...(data.firstName ? { firstName: data.firstName } : {}),
          ...(data.lastName ? { lastName: data.lastName } : {}),
          ...(data.email ? { email: data.email } : {}),
        },
      }),

    countReservation: (tx: Db, id: string) => tx.customer.update({ where: { id }, data: { reservationCount: { increment: 1 } } }),
  };
}
export type CustomerRepository = ReturnType<typeof customerRepository>;
