// Seating services (Déjeuner, Dîner) used by reservations.
import { AppError } from '../../errors.ts';
import type { DiningServiceBody, DiningServiceDto, DiningServiceListQuery, DiningServicePatchBody } from '../../contract/catalog-venue.ts';
import { diningServiceIssues } from '../../contract/catalog-venue.ts';
import type { CatalogStore } from '../../repositories/catalog/store.ts';
import type { DiningServiceRow } from '../../repositories/catalog/venue-repository.ts';
import { writeChange } from './audit.ts';
import { assertNoIssues, defined, found, iso, paged, type Actor } from './common.ts';

const NOT_FOUND = "Ce service n'existe pas";

export const diningServiceDto = (r: DiningServiceRow): DiningServiceDto => ({
  id: r.id, restaurantId: r.restaurantId, name: r.name, nameEn: r.nameEn, weekdays: r.weekdays,
  startTime: r.startTime, endTime: r.endTime, lastSeatingTime: r.lastSeatingTime, slotIntervalMinutes: r.slotIntervalMinutes,
  maxCoversPerService: r.maxCoversPerService, maxCoversPerSlot: r.maxCoversPerSlot,
  turnTimes: r.turnTimes as DiningServiceDto['turnTimes'], // written only through the validated contract
  defaultTurnMinutes: r.defaultTurnMinutes, minParty: r.minParty, maxParty: r.maxParty,
  prepaymentAboveGuests: r.prepaymentAboveGuests, active: r.active, sortOrder: r.sortOrder,
  createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
});

export function diningServiceService(store: CatalogStore) {
  const scope = (restaurantId: string, actor: Actor, name?: string) => ({
    restaurantId, actor, entityType: 'dining_service', conflict: name && `Un service « ${name} » existe déjà`,
  });
  return {
    async list(restaurantId: string, q: DiningServiceListQuery) {
      const [rows, total] = await store.services.list(restaurantId, q, q);
      return paged(rows.map(diningServiceDto), total, q);
    },

    async get(restaurantId: string, id: string): Promise<DiningServiceDto> {
      return diningServiceDto(found(await store.services.find(restaurantId, id), NOT_FOUND));
    },

    create: (restaurantId: string, body: DiningServiceBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, body.name), async (r) => {
        const after = diningServiceDto(await r.services.create(restaurantId, body));
        return { action: 'create', entityId: after.id, after, result: after };
      }),

    update: (restaurantId: string, id: string, patch: DiningServicePatchBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, patch.name), async (r) => {
        const before = diningServiceDto(found(await r.services.find(restaurantId, id), NOT_FOUND));
        assertNoIssues(diningServiceIssues({ ...before, ...defined(patch) }));
        const after = diningServiceDto(await r.services.update(restaurantId, id, defined(patch)));
        return { action: 'update', entityId: id, before, after, result: after };
      }),

    /**
     * Refused while a formula or an offer is limited to the service: dropping
     * the id would widen them to "any service" without anyone deciding it.
     */
    remove: (restaurantId: string, id: string, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const before = diningServiceDto(found(await r.services.find(restaurantId, id), NOT_FOUND));
        const used = await r.services.usedBy(restaurantId, id);
        const by = used.formula ? `la formule « ${used.formula} »` : used.offer ? `l'offre « ${used.offer} »` : null;
        if (by) throw new AppError('conflict', `Le service « ${before.name} » est utilisé par ${by} : retirez-le d'abord`);
        await r.services.delete(restaurantId, id);
        return { action: 'delete', entityId: id, before, result: undefined };
      }),
  };
}
export type DiningServiceService = ReturnType<typeof diningServiceService>;
