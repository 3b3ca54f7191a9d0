import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

export function settingsRepository(prisma: PrismaClient) {
  return {
    find: (restaurantId: string) => prisma.restaurant.findUnique({ where: { id: restaurantId } }),
    update: (restaurantId: string, data: Prisma.RestaurantUpdateInput) => prisma.restaurant.update({ where: { id: restaurantId }, data }),
  };
}
export type SettingsRepository = ReturnType<typeof settingsRepository>;
