// The LiveEvent table as the hub reads it. Every read is scoped to one
// restaurant, so a subscriber can only ever be handed its own restaurant's rows.
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface LiveEventRow {
  id: bigint;
  type: string;
  payload: unknown;
  createdAt: Date;
}

const columns = { id: true, type: true, payload: true, createdAt: true } as const;

export function liveEventRepository(prisma: PrismaClient) {
  return {
    /** Rows after `afterId`, oldest first. */
    after(restaurantId: string, afterId: bigint, take: number): Promise<LiveEventRow[]> {
      return prisma.liveEvent.findMany({
        where: { restaurantId, id: { gt: afterId } },
        orderBy: { id: 'asc' },
        take,
        select: columns,
      });
    },
    async exists(restaurantId: string, id: bigint): Promise<boolean> {
      return (await prisma.liveEvent.count({ where: { id, restaurantId } })) > 0;
    },
    /** The newest committed id for the restaurant, 0 when it has none. */
    async latestId(restaurantId: string): Promise<bigint> {
      const row = await prisma.liveEvent.findFirst({ where: { restaurantId }, orderBy: { id: 'desc' }, select: { id: true } });
      return row?.id ?? 0n;
    },
  };
}
export type LiveEventRepository = ReturnType<typeof liveEventRepository>;

/** Deletes events created before `olderThan` (every restaurant); returns how many. */
export async function pruneLiveEvents(prisma: PrismaClient, olderThan: Date): Promise<number> {
  const { count } = await prisma.liveEvent.deleteMany({ where: { createdAt: { lt: olderThan } } });
  return count;
}
