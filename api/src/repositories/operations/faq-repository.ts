import type { Faq, FaqStatus, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { publishLiveEvent } from '../../live/publish.ts';
import { pageArgs } from './unique.ts';

export const faqLivePayload = (f: Faq) => ({ id: f.id, question: f.question, status: f.status, timesAsked: f.timesAsked });

export function faqRepository(prisma: PrismaClient) {
  return {
    async list(restaurantId: string, status: FaqStatus | undefined, page: number, pageSize: number) {
      const where = { restaurantId, ...(status ? { status } : {}) };
      const [items, total] = await Promise.all([
        // The enum sorts in declaration order: open, answered, dismissed.
        prisma.faq.findMany({
          where, ...pageArgs(page, pageSize),
          orderBy: [{ status: 'asc' }, { timesAsked: 'desc' }, { lastAskedAt: 'desc' }, { id: 'asc' }],
        }),
        prisma.faq.count({ where }),
      ]);
      return { items, total };
    },
    find: (restaurantId: string, id: string) => prisma.faq.findFirst({ where: { id, restaurantId } }),
    findByKey: (restaurantId: string, normalizedKey: string) =>
      prisma.faq.findUnique({ where: { restaurantId_normalizedKey: { restaurantId, normalizedKey } } }),
    create: (restaurantId: string, data: Omit<Prisma.FaqUncheckedCreateInput, 'restaurantId'>) =>
      prisma.$transaction(async (tx) => {
        const faq = await tx.faq.create({ data: { ...data, restaurantId } });
        await publishLiveEvent(tx, restaurantId, 'faq.created', faqLivePayload(faq));
        return faq;
      }),
    update: (restaurantId: string, id: string, data: Prisma.FaqUncheckedUpdateInput) =>
      prisma.$transaction(async (tx) => {
        const faq = await tx.faq.update({ where: { id, restaurantId }, data });
        await publishLiveEvent(tx, restaurantId, 'faq.updated', faqLivePayload(faq));
        return faq;
      }),
    remove: (restaurantId: string, id: string) =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.faq.deleteMany({ where: { id, restaurantId } });
        if (count > 0) await publishLiveEvent(tx, restaurantId, 'faq.updated', { id, deleted: true });
        return count > 0;
      }),
  };
}
export type FaqRepository = ReturnType<typeof faqRepository>;
