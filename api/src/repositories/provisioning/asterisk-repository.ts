import type { PrismaClient } from '../../generated/prisma/client.ts';

/** Narrows every query to one restaurant, or to all of them for a platform-wide token. */
const scope = (restaurantId: string | null) => (restaurantId === null ? {} : { restaurantId });

export function asteriskRepository(prisma: PrismaClient) {
  return {
    enabledLines: (restaurantId: string | null) =>
      prisma.phoneLine.findMany({ where: { ...scope(restaurantId), enabled: true }, orderBy: { did: 'asc' } }),
    restaurantsWithCallHandling: (ids: string[]) =>
      prisma.restaurant.findMany({
        where: { id: { in: ids } },
        orderBy: { slug: 'asc' },
        include: {
          openingHours: { orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }] },
          closures: { where: { isOpening: false }, orderBy: [{ startDate: 'asc' }, { endDate: 'asc' }] },
        },
      }),
    restaurants: (restaurantId: string | null) =>
      prisma.restaurant.findMany({
        where: restaurantId === null ? {} : { id: restaurantId },
        select: { id: true, slug: true, name: true },
        orderBy: { slug: 'asc' },
      }),
  };
}
export type AsteriskRepository = ReturnType<typeof asteriskRepository>;
export type RestaurantWithCallHandling = Awaited<ReturnType<AsteriskRepository['restaurantsWithCallHandling']>>[number];
