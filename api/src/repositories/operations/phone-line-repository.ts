import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

export function phoneLineRepository(prisma: PrismaClient) {
  return {
    list: (restaurantId: string) => prisma.phoneLine.findMany({ where: { restaurantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    find: (restaurantId: string, id: string) => prisma.phoneLine.findFirst({ where: { id, restaurantId } }),
    // DIDs and endpoint names are unique across the platform (Asterisk has one namespace).
    didTaken: async (did: string, exceptId: string | null) =>
      (await prisma.phoneLine.count({ where: { did, ...(exceptId ? { NOT: { id: exceptId } } : {}) } })) > 0,
    endpointTaken: async (endpointName: string, exceptId: string | null) =>
      (await prisma.phoneLine.count({ where: { endpointName, ...(exceptId ? { NOT: { id: exceptId } } : {}) } })) > 0,
    create: (restaurantId: string, data: Omit<Prisma.PhoneLineUncheckedCreateInput, 'restaurantId'>) =>
      prisma.phoneLine.create({ data: { ...data, restaurantId } }),
    update: (restaurantId: string, id: string, data: Prisma.PhoneLineUncheckedUpdateInput) =>
      prisma.phoneLine.update({ where: { id, restaurantId }, data }),
    remove: async (restaurantId: string, id: string) => (await prisma.phoneLine.deleteMany({ where: { id, restaurantId } })).count > 0,
  };
}
export type PhoneLineRepository = ReturnType<typeof phoneLineRepository>;
