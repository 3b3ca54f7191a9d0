import type { PrismaClient } from '../generated/prisma/client.ts';

export function userRepository(prisma: PrismaClient) {
  return {
    findByEmail: (email: string) => prisma.user.findUnique({ where: { email } }),
    touchLogin: (id: string, at: Date) => prisma.user.update({ where: { id }, data: { lastLoginAt: at } }),
    findWithRestaurants: (id: string) =>
      prisma.user.findUnique({
        where: { id },
        include: { memberships: { include: { restaurant: { select: { id: true, slug: true, name: true } } } } },
      }),
    allRestaurants: () => prisma.restaurant.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: 'asc' } }),
  };
}
export type UserRepository = ReturnType<typeof userRepository>;

export function sessionRepository(prisma: PrismaClient) {
  return {
    create: (data: { userId: string; tokenHash: string; expiresAt: Date; userAgent?: string | undefined; ip?: string | undefined }) =>
      prisma.session.create({ data }),
    findActive: (tokenHash: string, now: Date) =>
      prisma.session.findFirst({
        where: { tokenHash, revokedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
        include: { user: { include: { memberships: true } } },
      }),
    revoke: (tokenHash: string, at: Date) =>
      prisma.session.updateMany({ where: { tokenHash, revokedAt: null }, data: { revokedAt: at } }),
  };
}
export type SessionRepository = ReturnType<typeof sessionRepository>;

export function apiTokenRepository(prisma: PrismaClient) {
  return {
    findActive: (tokenHash: string, now: Date) =>
      prisma.apiToken.findFirst({
        where: { tokenHash, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      }),
    touch: (id: string, at: Date) => prisma.apiToken.update({ where: { id }, data: { lastUsedAt: at } }),
  };
}
export type ApiTokenRepository = ReturnType<typeof apiTokenRepository>;
