import type { PrismaClient } from '../../generated/prisma/client.ts';
import { pageArgs } from './unique.ts';

export interface NewRestaurant {
  slug: string; name: string; addressLine1: string; addressLine2: string | null; postcode: string; city: string;
  countryCode: string; timeZone: string; phone: string | null;
}

export function adminRepository(prisma: PrismaClient) {
  return {
    async list(page: number, pageSize: number) {
      const [items, total] = await Promise.all([
        prisma.restaurant.findMany({
          ...pageArgs(page, pageSize), orderBy: [{ name: 'asc' }, { id: 'asc' }],
          select: {
            id: true, slug: true, name: true, city: true, timeZone: true, suspendedAt: true, createdAt: true,
            _count: { select: { phoneLines: { where: { enabled: true } } } },
          },
        }),
        prisma.restaurant.count(),
      ]);
      return { items, total };
    },
    find: (id: string) => prisma.restaurant.findUnique({
      where: { id },
      select: {
        id: true, slug: true, name: true, city: true, timeZone: true, suspendedAt: true, createdAt: true,
        _count: { select: { phoneLines: { where: { enabled: true } } } },
      },
    }),
    countToday: async (restaurantId: string, start: Date, end: Date) => {
      const [orders, calls] = await Promise.all([
        prisma.order.count({ where: { restaurantId, createdAt: { gte: start, lt: end }, status: { not: 'cancelled' } } }),
        prisma.call.count({ where: { restaurantId, startedAt: { gte: start, lt: end } } }),
      ]);
      return { orders, calls };
    },
    slugTaken: async (slug: string) => (await prisma.restaurant.count({ where: { slug } })) > 0,
    findUserByEmail: (email: string) => prisma.user.findUnique({ where: { email }, select: { id: true } }),

    /** The restaurant, its order counter and its owner's membership, all or nothing. */
    createWithOwner: (data: NewRestaurant, owner: { userId: string } | { email: string; name: string; passwordHash: string }) =>
      prisma.$transaction(async (tx) => {
        const r = await tx.restaurant.create({ data: { ...data, orderCounter: { create: {} } } });
        const userId = 'userId' in owner ? owner.userId : (await tx.user.create({ data: owner })).id;
        await tx.membership.create({ data: { userId, restaurantId: r.id, role: 'owner' } });
        return { restaurantId: r.id, userId };
      }),
    setSuspended: async (id: string, suspendedAt: Date | null) =>
      (await prisma.restaurant.updateMany({ where: { id }, data: { suspendedAt } })).count > 0,
  };
}
export type AdminRepository = ReturnType<typeof adminRepository>;
export type AdminRestaurantRow = NonNullable<Awaited<ReturnType<AdminRepository['find']>>>;
