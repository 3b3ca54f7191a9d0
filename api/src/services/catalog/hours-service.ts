// Weekly opening hours (replaced as a whole week) and closures.
import type {
  ClosureBody, ClosureDto, ClosureListQuery, ClosurePatchBody, OpeningHoursList, OpeningHoursPutBody,
} from '../../contract/catalog-zones.ts';
import { closureIssues } from '../../contract/catalog-zones.ts';
import type { CatalogStore } from '../../repositories/catalog/store.ts';
import type { ClosureRow, HoursRow } from '../../repositories/catalog/zone-repository.ts';
import { writeChange } from './audit.ts';
import { assertNoIssues, defined, found, paged, type Actor } from './common.ts';

const NOT_FOUND = "Cette fermeture n'existe pas";

const hoursList = (rows: HoursRow[]): OpeningHoursList => ({
  items: rows.map((h) => ({ id: h.id, weekday: h.weekday, opensAt: h.opensAt, closesAt: h.closesAt })),
});

export const closureDto = (c: ClosureRow): ClosureDto => ({
  id: c.id, restaurantId: c.restaurantId, startDate: c.startDate, endDate: c.endDate, reason: c.reason,
  isOpening: c.isOpening, opensAt: c.opensAt, closesAt: c.closesAt,
});

export function hoursService(store: CatalogStore) {
  return {
    async get(restaurantId: string): Promise<OpeningHoursList> {
      return hoursList(await store.hours.list(restaurantId));
    },
    /** The new week replaces the old one entirely, in one transaction. */
    put: (restaurantId: string, body: OpeningHoursPutBody, actor: Actor) =>
      writeChange(store, { restaurantId, actor, entityType: 'opening_hours' }, async (r) => {
        const before = hoursList(await r.hours.list(restaurantId));
        const after = hoursList(await r.hours.replace(restaurantId, body.items));
        return { action: 'update', entityId: restaurantId, before, after, result: after };
      }),
  };
}
export type HoursService = ReturnType<typeof hoursService>;

export function closureService(store: CatalogStore) {
  const scope = (restaurantId: string, actor: Actor) => ({ restaurantId, actor, entityType: 'closure' });
  return {
    async list(restaurantId: string, q: ClosureListQuery) {
      const [rows, total] = await store.closures.list(restaurantId, q, q);
      return paged(rows.map(closureDto), total, q);
    },
    async get(restaurantId: string, id: string): Promise<ClosureDto> {
      return closureDto(found(await store.closures.find(restaurantId, id), NOT_FOUND));
    },
    create: (restaurantId: string, body: ClosureBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const after = closureDto(await r.closures.create(restaurantId, body));
        return { action: 'create', entityId: after.id, after, result: after };
      }),
    update: (restaurantId: string, id: string, patch: ClosurePatchBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const before = closureDto(found(await r.closures.find(restaurantId, id), NOT_FOUND));
        assertNoIssues(closureIssues({ ...before, ...defined(patch) }));
        const after = closureDto(await r.closures.update(restaurantId, id, defined(patch)));
        return { action: 'update', entityId: id, before, after, result: after };
      }),
    remove: (restaurantId: string, id: string, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const before = closureDto(found(await r.closures.find(restaurantId, id), NOT_FOUND));
        await r.closures.delete(restaurantId, id);
        return { action: 'delete', entityId: id, before, result: undefined };
      }),
  };
}
export type ClosureService = ReturnType<typeof closureService>;
