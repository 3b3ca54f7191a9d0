// The LiveEvent table as the hub reads it. Every read is scoped to one
// restaurant, so a subscriber can only ever be handed its own restaurant's rows.
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface LiveEventRow {
  /** The event's id for readers: its commit-order `seq` (the table's own id is allocation order). */
  id: bigint;
  type: string;
  payload: unknown;
  createdAt: Date;
}

const columns = { seq: true, type: true, payload: true, createdAt: true } as const;

export function liveEventRepository(prisma: PrismaClient) {
  return {
    /** Committed rows after `afterId` (a seq), oldest first. */
    async after(restaurantId: string, afterId: bigint, take: number): Promise<LiveEventRow[]> {
      const rows = await prisma.liveEvent.findMany({
        where: { restaurantId, seq: { gt: afterId } },
        orderBy: { seq: 'asc' },
        take,
        select: columns,
      });
      return rows.map((r) => ({ id: r.seq ?? 0n, type: r.type, payload: r.payload, createdAt: r.createdAt }));
    },
    async exists(restaurantId: string, id: bigint): Promise<boolean> {
      return (await prisma.liveEvent.count({ where: { seq: id, restaurantId } })) > 0;
    },
    /** The newest committed seq for the restaurant, 0 when it has none. */
    async latestId(restaurantId: string): Promise<bigint> {
      const row = await prisma.liveEvent.findFirst({ where: { restaurantId, seq: { not: null } }, orderBy: { seq: 'desc' }, select: { seq: true } });
      return row?.seq ?? 0n;
    },
  };
}
export type LiveEventRepository = ReturnType<typeof liveEventRepository>;

/** Deletes events created before `olderThan` (every restaurant); returns how many. */
export async function pruneLiveEvents(prisma: PrismaClient, olderThan: Date): Promise<number> {
  const { count } = await prisma.liveEvent.deleteMany({ where: { createdAt: { lt: olderThan } } });
  return count;
}
