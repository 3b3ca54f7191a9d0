import type { PrismaClient } from '../generated/prisma/client.ts';

export function restaurantRepository(prisma: PrismaClient) {
  return {
    findBySlug: (slug: string) =>
      prisma.restaurant.findUnique({ where: { slug }, include: { openingHours: { orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }] } } }),
    findById: (id: string) =>
      prisma.restaurant.findUnique({ where: { id }, include: { openingHours: { orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }] } } }),
    ordersBetween: (restaurantId: string, start: Date, end: Date) =>
      prisma.order.findMany({ where: { restaurantId, createdAt: { gte: start, lt: end } }, orderBy: { createdAt: 'desc' } }),
    reservationsBetween: (restaurantId: string, start: Date, end: Date) =>
      prisma.reservation.findMany({ where: { restaurantId, startsAt: { gte: start, lt: end } }, orderBy: { startsAt: 'asc' } }),
    countCallsBetween: (restaurantId: string, start: Date, end: Date) =>
      prisma.call.count({ where: { restaurantId, startedAt: { gte: start, lt: end } } }),
  };
}
export type RestaurantRepository = ReturnType<typeof restaurantRepository>;
export type RestaurantWithHours = NonNullable<Awaited<ReturnType<RestaurantRepository['findById']>>>;
