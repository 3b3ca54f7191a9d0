// Dining rooms and their tables.
import type { Prisma } from '../../generated/prisma/client.ts';
import { pageArgs, type Db, type PageArgs } from './db.ts';

const tableOrder = [{ sortOrder: 'asc' }, { name: 'asc' }] as const satisfies Prisma.DiningTableOrderByWithRelationInput[];
const roomInclude = { tables: { orderBy: tableOrder } } as const satisfies Prisma.DiningRoomInclude;
export type RoomRow = Prisma.DiningRoomGetPayload<{ include: typeof roomInclude }>;
export type TableRow = Prisma.DiningTableGetPayload<object>;

export function roomRepository(db: Db) {
  const where = (restaurantId: string, f: { active?: boolean | undefined }): Prisma.DiningRoomWhereInput => ({
    restaurantId, ...(f.active === undefined ? {} : { active: f.active }),
  });
  return {
    list: (restaurantId: string, f: { active?: boolean | undefined }, p: PageArgs) => Promise.all([
      db.diningRoom.findMany({ where: where(restaurantId, f), include: roomInclude, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], ...pageArgs(p) }),
      db.diningRoom.count({ where: where(restaurantId, f) }),
    ]),
    find: (restaurantId: string, id: string) => db.diningRoom.findFirst({ where: { id, restaurantId }, include: roomInclude }),
    create: (restaurantId: string, data: Omit<Prisma.DiningRoomUncheckedCreateInput, 'restaurantId'>) =>
      db.diningRoom.create({ data: { ...data, restaurantId }, include: roomInclude }),
    update: (restaurantId: string, id: string, data: Prisma.DiningRoomUncheckedUpdateInput) =>
      db.diningRoom.update({ where: { id, restaurantId }, data, include: roomInclude }),
    delete: (restaurantId: string, id: string) => db.diningRoom.delete({ where: { id, restaurantId } }),
  };
}

export function tableRepository(db: Db) {
  const where = (restaurantId: string, f: { roomId?: string | undefined; active?: boolean | undefined }): Prisma.DiningTableWhereInput => ({
    restaurantId,
    ...(f.roomId ? { roomId: f.roomId } : {}),
    ...(f.active === undefined ? {} : { active: f.active }),
  });
  return {
    list: (restaurantId: string, f: { roomId?: string | undefined; active?: boolean | undefined }, p: PageArgs) => Promise.all([
      db.diningTable.findMany({ where: where(restaurantId, f), orderBy: [{ room: { sortOrder: 'asc' } }, ...tableOrder], ...pageArgs(p) }),
      db.diningTable.count({ where: where(restaurantId, f) }),
    ]),
    find: (restaurantId: string, id: string) => db.diningTable.findFirst({ where: { id, restaurantId } }),
    create: (restaurantId: string, data: Omit<Prisma.DiningTableUncheckedCreateInput, 'restaurantId'>) =>
      db.diningTable.create({ data: { ...data, restaurantId } }),
    update: (restaurantId: string, id: string, data: Prisma.DiningTableUncheckedUpdateInput) =>
      db.diningTable.update({ where: { id, restaurantId }, data }),
    delete: (restaurantId: string, id: string) => db.diningTable.delete({ where: { id, restaurantId } }),
    countReservations: (restaurantId: string, tableId: string) =>
      db.reservationTable.count({ where: { tableId, reservation: { restaurantId } } }),
  };
}
