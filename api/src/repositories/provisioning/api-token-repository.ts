import type { ApiTokenKind, PrismaClient } from '../../generated/prisma/client.ts';

export interface NewApiToken {
  name: string;
  kind: ApiTokenKind;
  tokenHash: string;
  prefix: string;
  restaurantId: string | null;
  createdById: string | null;
  expiresAt: Date | null;
}

/**
 * `restaurantId` undefined means every token (platform administrators); a
 * string means that restaurant's tokens only, so an owner never sees, nor
 * revokes, a platform-wide token or another restaurant's.
 */
const scope = (restaurantId: string | undefined) => (restaurantId === undefined ? {} : { restaurantId });

export function apiTokenAdminRepository(prisma: PrismaClient) {
  return {
    create: (data: NewApiToken) => prisma.apiToken.create({ data }),
    page: async (restaurantId: string | undefined, skip: number, take: number) => {
      const where = scope(restaurantId);
      const [items, total] = await Promise.all([
        prisma.apiToken.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip, take }),
        prisma.apiToken.count({ where }),
      ]);
      return { items, total };
    },
    revoke: async (restaurantId: string | undefined, id: string, at: Date) =>
      (await prisma.apiToken.updateMany({ where: { id, ...scope(restaurantId), revokedAt: null }, data: { revokedAt: at } })).count > 0,
    exists: async (restaurantId: string | undefined, id: string) =>
      (await prisma.apiToken.count({ where: { id, ...scope(restaurantId) } })) > 0,
    /** Expired tokens of one name (test-call tickets): they can never be used again. */
    deleteExpired: async (restaurantId: string, name: string, now: Date) =>
      (await prisma.apiToken.deleteMany({ where: { restaurantId, name, expiresAt: { lt: now } } })).count,
    restaurantExists: async (id: string) => (await prisma.restaurant.count({ where: { id } })) > 0,
    restaurantIdBySlug: async (slug: string) => (await prisma.restaurant.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null,
  };
}
export type ApiTokenAdminRepository = ReturnType<typeof apiTokenAdminRepository>;
