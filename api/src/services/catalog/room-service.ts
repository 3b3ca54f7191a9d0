// Dining rooms and tables.
import { AppError } from '../../errors.ts';
import type {
  DiningRoomBody, DiningRoomDto, DiningRoomListQuery, DiningRoomPatchBody,
  DiningTableBody, DiningTableDto, DiningTableListQuery, DiningTablePatchBody,
} from '../../contract/catalog-venue.ts';
import { tableIssues } from '../../contract/catalog-venue.ts';
import type { CatalogStore } from '../../repositories/catalog/store.ts';
import type { RoomRow, TableRow } from '../../repositories/catalog/room-repository.ts';
import { writeChange } from './audit.ts';
import { assertNoIssues, assertOwned, defined, found, paged, type Actor } from './common.ts';

const ROOM_NOT_FOUND = "Cette salle n'existe pas";
const TABLE_NOT_FOUND = "Cette table n'existe pas";

export const tableDto = (t: TableRow): DiningTableDto => ({
  id: t.id, restaurantId: t.restaurantId, roomId: t.roomId, name: t.name, minCapacity: t.minCapacity,
  maxCapacity: t.maxCapacity, combinable: t.combinable, active: t.active, sortOrder: t.sortOrder,
});
export const roomDto = (r: RoomRow): DiningRoomDto => ({
  id: r.id, restaurantId: r.restaurantId, name: r.name, sortOrder: r.sortOrder, active: r.active, tables: r.tables.map(tableDto),
});

export function roomService(store: CatalogStore) {
  const scope = (restaurantId: string, actor: Actor, name?: string) => ({
    restaurantId, actor, entityType: 'dining_room', conflict: name && `Une salle « ${name} » existe déjà`,
  });
  return {
    async list(restaurantId: string, q: DiningRoomListQuery) {
      const [rows, total] = await store.rooms.list(restaurantId, q, q);
      return paged(rows.map(roomDto), total, q);
    },
    async get(restaurantId: string, id: string): Promise<DiningRoomDto> {
      return roomDto(found(await store.rooms.find(restaurantId, id), ROOM_NOT_FOUND));
    },
    create: (restaurantId: string, body: DiningRoomBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, body.name), async (r) => {
        const after = roomDto(await r.rooms.create(restaurantId, body));
        return { action: 'create', entityId: after.id, after, result: after };
      }),
    update: (restaurantId: string, id: string, patch: DiningRoomPatchBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, patch.name), async (r) => {
        const before = roomDto(found(await r.rooms.find(restaurantId, id), ROOM_NOT_FOUND));
        const after = roomDto(await r.rooms.update(restaurantId, id, defined(patch)));
        return { action: 'update', entityId: id, before, after, result: after };
      }),
    /** Refused while the room has tables: deleting it would take them (and their bookings) along. */
    remove: (restaurantId: string, id: string, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const before = roomDto(found(await r.rooms.find(restaurantId, id), ROOM_NOT_FOUND));
        const n = before.tables.length;
        if (n > 0) throw new AppError('conflict', `La salle « ${before.name} » a encore ${n} table${n > 1 ? 's' : ''} : déplacez-les ou supprimez-les d'abord`);
        await r.rooms.delete(restaurantId, id);
        return { action: 'delete', entityId: id, before, result: undefined };
      }),
  };
}
export type RoomService = ReturnType<typeof roomService>;

export function tableService(store: CatalogStore) {
  const scope = (restaurantId: string, actor: Actor, name?: string) => ({
    restaurantId, actor, entityType: 'dining_table',
    conflict: name ? `Une table « ${name} » existe déjà dans cette salle` : 'Une table de ce nom existe déjà dans cette salle',
  });
  return {
    async list(restaurantId: string, q: DiningTableListQuery) {
      const [rows, total] = await store.tables.list(restaurantId, q, q);
      return paged(rows.map(tableDto), total, q);
    },
    async get(restaurantId: string, id: string): Promise<DiningTableDto> {
      return tableDto(found(await store.tables.find(restaurantId, id), TABLE_NOT_FOUND));
    },
    create: (restaurantId: string, body: DiningTableBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, body.name), async (r) => {
        await assertOwned(r, 'room', restaurantId, [body.roomId], ROOM_NOT_FOUND);
        const after = tableDto(await r.tables.create(restaurantId, body));
        return { action: 'create', entityId: after.id, after, result: after };
      }),
    update: (restaurantId: string, id: string, patch: DiningTablePatchBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, patch.name), async (r) => {
        const before = tableDto(found(await r.tables.find(restaurantId, id), TABLE_NOT_FOUND));
        assertNoIssues(tableIssues({ ...before, ...defined(patch) }));
        if (patch.roomId) await assertOwned(r, 'room', restaurantId, [patch.roomId], ROOM_NOT_FOUND);
        const after = tableDto(await r.tables.update(restaurantId, id, defined(patch)));
        return { action: 'update', entityId: id, before, after, result: after };
      }),
    /** A table that has been booked is deactivated instead, so past reservations keep it. */
    remove: (restaurantId: string, id: string, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const before = tableDto(found(await r.tables.find(restaurantId, id), TABLE_NOT_FOUND));
        if (await r.tables.countReservations(restaurantId, id) > 0) {
          const after = tableDto(await r.tables.update(restaurantId, id, { active: false }));
          return { action: 'delete', entityId: id, before, after, result: undefined };
        }
        await r.tables.delete(restaurantId, id);
        return { action: 'delete', entityId: id, before, result: undefined };
      }),
  };
}
export type TableService = ReturnType<typeof tableService>;
