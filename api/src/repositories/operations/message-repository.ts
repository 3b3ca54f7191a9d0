import type { MessageStatus, PrismaClient } from '../../generated/prisma/client.ts';
import { publishLiveEvent } from '../../live/publish.ts';
import { pageArgs } from './unique.ts';

export function messageRepository(prisma: PrismaClient) {
  return {
    async list(restaurantId: string, status: MessageStatus | undefined, page: number, pageSize: number) {
      const where = { restaurantId, ...(status ? { status } : {}) };
      const [items, total] = await Promise.all([
        prisma.message.findMany({ where, ...pageArgs(page, pageSize), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
        prisma.message.count({ where }),
      ]);
      return { items, total };
    },
    find: (restaurantId: string, id: string) => prisma.message.findFirst({ where: { id, restaurantId } }),
    setStatus: (restaurantId: string, id: string, status: MessageStatus, handledAt: Date | null) =>
      prisma.$transaction(async (tx) => {
        const m = await tx.message.update({ where: { id, restaurantId }, data: { status, handledAt } });
        await publishLiveEvent(tx, restaurantId, 'message.updated', { id: m.id, status: m.status, handledAt: m.handledAt?.toISOString() ?? null });
        return m;
      }),
  };
}
export type MessageRepository = ReturnType<typeof messageRepository>;
