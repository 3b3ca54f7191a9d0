import type { PrismaClient } from '../../generated/prisma/client.ts';

export interface HeartbeatRow {
  controllerId: string; hostname: string; version: string; startedAt: Date; ariConnected: boolean;
  asteriskVersion: string | null; asteriskUptimeSeconds: number | null; activeCalls: number; maxCalls: number;
  intervalMs: number; tokenId: string | null; lastSeenAt: Date;
}

export function voiceServerRepository(prisma: PrismaClient) {
  return {
    /** One row per controller: each beat replaces the last. */
    saveHeartbeat: async (row: HeartbeatRow): Promise<void> => {
      const { controllerId, ...data } = row;
      await prisma.controllerHeartbeat.upsert({ where: { controllerId }, create: row, update: data });
    },
    heartbeats: (): Promise<HeartbeatRow[]> => prisma.controllerHeartbeat.findMany({ orderBy: [{ hostname: 'asc' }, { controllerId: 'asc' }] }),
    /** Calls started since `since` and not ended, counted per restaurant. */
    callsInProgress: async (since: Date) => {
      const groups = await prisma.call.groupBy({ by: ['restaurantId'], where: { endedAt: null, startedAt: { gte: since } }, _count: { _all: true } });
      if (groups.length === 0) return [];
      const names = await prisma.restaurant.findMany({ where: { id: { in: groups.map((g) => g.restaurantId) } }, select: { id: true, name: true } });
      const nameOf = new Map(names.map((r) => [r.id, r.name]));
      return groups.map((g) => ({ restaurantId: g.restaurantId, name: nameOf.get(g.restaurantId) ?? '', activeCalls: g._count._all }));
    },
  };
}
export type VoiceServerRepository = ReturnType<typeof voiceServerRepository>;
