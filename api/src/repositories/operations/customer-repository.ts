import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { pageArgs } from './unique.ts';

/** What a search matches: the exact E.164, every word in a name or email, or digits in the phone. */
export interface CustomerSearch { e164: string | null; words: string[]; digits: string | null }

function searchWhere(s: CustomerSearch): Prisma.CustomerWhereInput[] {
  const or: Prisma.CustomerWhereInput[] = [];
  if (s.e164) or.push({ phone: s.e164 });
  if (s.words.length) {
    or.push({ AND: s.words.map((w) => ({ OR: [
      { firstName: { contains: w, mode: 'insensitive' as const } },
      { lastName: { contains: w, mode: 'insensitive' as const } },
      { email: { contains: w, mode: 'insensitive' as const } },
    ] })) });
  }
  if (s.digits) or.push({ phone: { contains: s.digits } });
  return or;
}

const ERASED_ORDER_FIELDS = {
  customerPhone: null, deliveryLine1: null, deliveryLine2: null, deliveryInstructions: null,
  deliveryLatitude: null, deliveryLongitude: null,
} satisfies Prisma.OrderUpdateManyMutationInput;

export function customerRepository(prisma: PrismaClient) {
  return {
    async list(restaurantId: string, search: CustomerSearch | null, page: number, pageSize: number) {
      const where: Prisma.CustomerWhereInput = { restaurantId, ...(search ? { OR: searchWhere(search) } : {}) };
      const [items, total] = await Promise.all([
        prisma.customer.findMany({
          where, ...pageArgs(page, pageSize),
          orderBy: [{ lastName: { sort: 'asc', nulls: 'last' } }, { firstName: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
        }),
        prisma.customer.count({ where }),
      ]);
      return { items, total };
    },
    find: (restaurantId: string, id: string) => prisma.customer.findFirst({ where: { id, restaurantId } }),
    findDetail: (restaurantId: string, id: string) =>
      prisma.customer.findFirst({
        where: { id, restaurantId },
        include: {
          addresses: { orderBy: [{ lastUsedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'asc' }] },
          orders: { orderBy: { createdAt: 'desc' }, take: 10, select: { id: true, number: true, type: true, status: true, totalCents: true, createdAt: true } },
          reservations: { orderBy: { startsAt: 'desc' }, take: 10, select: { id: true, startsAt: true, partySize: true, status: true } },
          _count: { select: { calls: true } },
        },
      }),
    findByPhone: (restaurantId: string, phone: string) => prisma.customer.findUnique({ where: { restaurantId_phone: { restaurantId, phone } } }),
    create: (restaurantId: string, data: Omit<Prisma.CustomerUncheckedCreateInput, 'restaurantId'>) =>
      prisma.customer.create({ data: { ...data, restaurantId } }),
    update: (restaurantId: string, id: string, data: Prisma.CustomerUncheckedUpdateInput) =>
      prisma.customer.update({ where: { id, restaurantId }, data }),

    /**
     * GDPR erasure. The customer and addresses go; orders and reservations stay
     * (accounting, the reservation book) with the link cut by onDelete SetNull,
     * but lose the phone, e-mail and delivery address snapshots; messages and
     * calls lose the caller number. Rows are matched by link or by phone.
     */
    erase: (restaurantId: string, id: string, phone: string) =>
      prisma.$transaction(async (tx) => {
        const mine = { restaurantId, OR: [{ customerId: id }, { customerPhone: phone }] };
        await tx.order.updateMany({ where: mine, data: ERASED_ORDER_FIELDS });
        await tx.reservation.updateMany({ where: mine, data: { customerPhone: null, customerEmail: null } });
        await tx.message.updateMany({ where: { restaurantId, OR: [{ customerId: id }, { callerPhone: phone }] }, data: { callerPhone: null } });
        await tx.call.updateMany({ where: { restaurantId, OR: [{ customerId: id }, { callerNumber: phone }] }, data: { callerNumber: null } });
        const { count } = await tx.customer.deleteMany({ where: { id, restaurantId } });
        return count > 0;
      }),

    findAddress: (restaurantId: string, customerId: string, addressId: string) =>
      prisma.customerAddress.findFirst({ where: { id: addressId, customerId, customer: { restaurantId } } }),
    createAddress: (customerId: string, data: Omit<Prisma.CustomerAddressUncheckedCreateInput, 'customerId'>) =>
      prisma.customerAddress.create({ data: { ...data, customerId } }),
    async updateAddress(restaurantId: string, customerId: string, addressId: string, data: Prisma.CustomerAddressUpdateManyMutationInput) {
      const where = { id: addressId, customerId, customer: { restaurantId } };
      const { count } = await prisma.customerAddress.updateMany({ where, data });
      return count > 0 ? prisma.customerAddress.findFirst({ where }) : null;
    },
    async deleteAddress(restaurantId: string, customerId: string, addressId: string) {
      const { count } = await prisma.customerAddress.deleteMany({ where: { id: addressId, customerId, customer: { restaurantId } } });
      return count > 0;
    },
  };
}
export type CustomerRepository = ReturnType<typeof customerRepository>;
