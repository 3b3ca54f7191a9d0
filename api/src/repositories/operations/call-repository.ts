import type { CallOutcome, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { pageArgs } from './unique.ts';

export interface CallFilter { outcome?: CallOutcome | undefined; start?: Date | undefined; end?: Date | undefined; number?: string | undefined }

const listInclude = {
  customer: { select: { firstName: true, lastName: true } },
  order: { select: { id: true, number: true, status: true, type: true, totalCents: true } },
  reservation: { select: { id: true, startsAt: true, partySize: true, status: true } },
} satisfies Prisma.CallInclude;

export function callRepository(prisma: PrismaClient) {
  return {
    async list(restaurantId: string, f: CallFilter, page: number, pageSize: number) {
      const where: Prisma.CallWhereInput = {
        restaurantId,
        ...(f.outcome ? { outcome: f.outcome } : {}),
        ...(f.start || f.end ? { startedAt: { ...(f.start ? { gte: f.start } : {}), ...(f.end ? { lt: f.end } : {}) } } : {}),
        ...(f.number ? { callerNumber: { contains: f.number } } : {}),
      };
      const [items, total] = await Promise.all([
        prisma.call.findMany({ where, include: listInclude, ...pageArgs(page, pageSize), orderBy: [{ startedAt: 'desc' }, { id: 'desc' }] }),
        prisma.call.count({ where }),
      ]);
      return { items, total };
    },
    findDetail: (restaurantId: string, id: string) =>
      prisma.call.findFirst({
        where: { id, restaurantId },
        include: {
          ...listInclude,
          turns: { orderBy: { seq: 'asc' } },
          toolInvocations: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        },
      }),
    timeZoneOf: async (restaurantId: string) =>
      (await prisma.restaurant.findUnique({ where: { id: restaurantId }, select: { timeZone: true } }))?.timeZone ?? null,
  };
}
export type CallRepository = ReturnType<typeof callRepository>;
export type CallListRow = Awaited<ReturnType<CallRepository['list']>>['items'][number];
