// Dining services and offers.
import type { Prisma } from '../../generated/prisma/client.ts';
import { insensitive, pageArgs, type Db, type PageArgs } from './db.ts';

export type DiningServiceRow = Prisma.DiningServiceGetPayload<object>;
export type OfferRow = Prisma.OfferGetPayload<object>;
export interface VenueFilter { active?: boolean | undefined; q?: string | undefined }

export function diningServiceRepository(db: Db) {
  const where = (restaurantId: string, f: VenueFilter): Prisma.DiningServiceWhereInput => ({
    restaurantId,
    ...(f.active === undefined ? {} : { active: f.active }),
    ...(f.q ? { OR: [{ name: insensitive(f.q) }, { nameEn: insensitive(f.q) }] } : {}),
  });
  return {
    list: (restaurantId: string, f: VenueFilter, p: PageArgs) => Promise.all([
      db.diningService.findMany({ where: where(restaurantId, f), orderBy: [{ sortOrder: 'asc' }, { startTime: 'asc' }], ...pageArgs(p) }),
      db.diningService.count({ where: where(restaurantId, f) }),
    ]),
    find: (restaurantId: string, id: string) => db.diningService.findFirst({ where: { id, restaurantId } }),
    create: (restaurantId: string, data: Omit<Prisma.DiningServiceUncheckedCreateInput, 'restaurantId'>) =>
      db.diningService.create({ data: { ...data, restaurantId } }),
    update: (restaurantId: string, id: string, data: Prisma.DiningServiceUncheckedUpdateInput) =>
      db.diningService.update({ where: { id, restaurantId }, data }),
    delete: (restaurantId: string, id: string) => db.diningService.delete({ where: { id, restaurantId } }),
    /** What still names the service in its serviceIds (a formula or an offer). */
    async usedBy(restaurantId: string, serviceId: string): Promise<{ formula?: string; offer?: string }> {
      const [formula, offer] = await Promise.all([
        db.formula.findFirst({ where: { restaurantId, serviceIds: { has: serviceId } }, select: { name: true } }),
        db.offer.findFirst({ where: { restaurantId, serviceIds: { has: serviceId } }, select: { name: true } }),
      ]);
      return { ...(formula ? { formula: formula.name } : {}), ...(offer ? { offer: offer.name } : {}) };
    },
  };
}

export function offerRepository(db: Db) {
  const where = (restaurantId: string, f: VenueFilter & { kind?: OfferRow['kind'] | undefined }): Prisma.OfferWhereInput => ({
    restaurantId,
    ...(f.active === undefined ? {} : { active: f.active }),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.q ? { OR: [{ name: insensitive(f.q) }, { nameEn: insensitive(f.q) }] } : {}),
  });
  return {
    list: (restaurantId: string, f: VenueFilter & { kind?: OfferRow['kind'] | undefined }, p: PageArgs) => Promise.all([
      db.offer.findMany({ where: where(restaurantId, f), orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], ...pageArgs(p) }),
      db.offer.count({ where: where(restaurantId, f) }),
    ]),
    find: (restaurantId: string, id: string) => db.offer.findFirst({ where: { id, restaurantId } }),
    create: (restaurantId: string, data: Omit<Prisma.OfferUncheckedCreateInput, 'restaurantId'>) =>
      db.offer.create({ data: { ...data, restaurantId } }),
    update: (restaurantId: string, id: string, data: Prisma.OfferUncheckedUpdateInput) =>
      db.offer.update({ where: { id, restaurantId }, data }),
    delete: (restaurantId: string, id: string) => db.offer.delete({ where: { id, restaurantId } }),
  };
}
