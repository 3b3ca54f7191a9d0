import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { StatsRows } from '../../services/operations/stats.ts';

export function statsRepository(prisma: PrismaClient) {
  return {
    restaurant: (restaurantId: string) =>
      prisma.restaurant.findUnique({ where: { id: restaurantId }, select: { timeZone: true, platformCommissionBp: true } }),
    async rows(restaurantId: string, start: Date, end: Date): Promise<StatsRows> {
      const [calls, orders, reservations] = await Promise.all([
        prisma.call.findMany({ where: { restaurantId, startedAt: { gte: start, lt: end } }, select: { startedAt: true, answeredAt: true, handledBy: true, outcome: true } }),
        prisma.order.findMany({ where: { restaurantId, createdAt: { gte: start, lt: end } }, select: { createdAt: true, status: true, totalCents: true } }),
        prisma.reservation.findMany({ where: { restaurantId, startsAt: { gte: start, lt: end } }, select: { startsAt: true, status: true, partySize: true } }),
      ]);
      return { calls, orders, reservations };
    },
  };
}
export type StatsRepository = ReturnType<typeof statsRepository>;
