// Delivery zones, weekly opening hours and closures.
import type { Prisma } from '../../generated/prisma/client.ts';
import { insensitive, jsonOrDbNull, pageArgs, type Db, type PageArgs } from './db.ts';

export type ZoneRow = Prisma.DeliveryZoneGetPayload<object>;
export type ClosureRow = Prisma.ClosureGetPayload<object>;
export type HoursRow = Prisma.OpeningHoursGetPayload<object>;

type ZoneData = Omit<Prisma.DeliveryZoneUncheckedCreateInput, 'restaurantId' | 'polygon'> & { polygon?: Prisma.InputJsonValue | null };
type ZonePatch = Omit<Prisma.DeliveryZoneUncheckedUpdateInput, 'polygon'> & { polygon?: Prisma.InputJsonValue | null };

export function zoneRepository(db: Db) {
  const where = (restaurantId: string, f: { active?: boolean | undefined; q?: string | undefined }): Prisma.DeliveryZoneWhereInput => ({
    restaurantId,
    ...(f.active === undefined ? {} : { active: f.active }),
    ...(f.q ? { name: insensitive(f.q) } : {}),
  });
  return {
    list: (restaurantId: string, f: { active?: boolean | undefined; q?: string | undefined }, p: PageArgs) => Promise.all([
      db.deliveryZone.findMany({ where: where(restaurantId, f), orderBy: [{ priority: 'asc' }, { name: 'asc' }], ...pageArgs(p) }),
      db.deliveryZone.count({ where: where(restaurantId, f) }),
    ]),
    find: (restaurantId: string, id: string) => db.deliveryZone.findFirst({ where: { id, restaurantId } }),
    create: (restaurantId: string, { polygon, ...data }: ZoneData) =>
      db.deliveryZone.create({ data: { ...data, restaurantId, polygon: jsonOrDbNull(polygon) } }),
    update: (restaurantId: string, id: string, { polygon, ...data }: ZonePatch) =>
      db.deliveryZone.update({ where: { id, restaurantId }, data: { ...data, polygon: jsonOrDbNull(polygon) } }),
    delete: (restaurantId: string, id: string) => db.deliveryZone.delete({ where: { id, restaurantId } }),
  };
}

export function hoursRepository(db: Db) {
  const list = (restaurantId: string) =>
    db.openingHours.findMany({ where: { restaurantId }, orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }] });
  return {
    list,
    async replace(restaurantId: string, rows: Array<{ weekday: number; opensAt: string; closesAt: string }>) {
      await db.openingHours.deleteMany({ where: { restaurantId } });
      await db.openingHours.createMany({ data: rows.map((r) => ({ ...r, restaurantId })) });
      return list(restaurantId);
    },
  };
}

export interface ClosureFilter { from?: string | undefined; q?: string | undefined; isOpening?: boolean | undefined }

export function closureRepository(db: Db) {
  const where = (restaurantId: string, f: ClosureFilter): Prisma.ClosureWhereInput => ({
    restaurantId,
    ...(f.from ? { endDate: { gte: f.from } } : {}),
    ...(f.isOpening === undefined ? {} : { isOpening: f.isOpening }),
    ...(f.q ? { reason: insensitive(f.q) } : {}),
  });
  return {
    list: (restaurantId: string, f: ClosureFilter, p: PageArgs) => Promise.all([
      db.closure.findMany({ where: where(restaurantId, f), orderBy: [{ startDate: 'asc' }, { id: 'asc' }], ...pageArgs(p) }),
      db.closure.count({ where: where(restaurantId, f) }),
    ]),
    find: (restaurantId: string, id: string) => db.closure.findFirst({ where: { id, restaurantId } }),
    create: (restaurantId: string, data: Omit<Prisma.ClosureUncheckedCreateInput, 'restaurantId'>) =>
      db.closure.create({ data: { ...data, restaurantId } }),
    update: (restaurantId: string, id: string, data: Prisma.ClosureUncheckedUpdateInput) =>
      db.closure.update({ where: { id, restaurantId }, data }),
    delete: (restaurantId: string, id: string) => db.closure.delete({ where: { id, restaurantId } }),
  };
}
