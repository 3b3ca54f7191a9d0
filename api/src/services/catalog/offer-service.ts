// Offers: promotions, special menus and events.
import type { OfferBody, OfferDto, OfferListQuery, OfferPatchBody } from '../../contract/catalog-venue.ts';
import { offerIssues } from '../../contract/catalog-venue.ts';
import type { CatalogRepos, CatalogStore } from '../../repositories/catalog/store.ts';
import type { OfferRow } from '../../repositories/catalog/venue-repository.ts';
import { writeChange } from './audit.ts';
import { assertNoIssues, assertOwned, defined, found, iso, paged, type Actor } from './common.ts';
import { SERVICE_NOT_FOUND } from './formula-service.ts';

const NOT_FOUND = "Cette offre n'existe pas";

export const offerDto = (r: OfferRow): OfferDto => ({
  id: r.id, restaurantId: r.restaurantId, kind: r.kind, name: r.name, nameEn: r.nameEn, description: r.description,
  startDate: r.startDate, endDate: r.endDate, weekdays: r.weekdays, startTime: r.startTime, endTime: r.endTime,
  serviceIds: r.serviceIds, minParty: r.minParty, maxParty: r.maxParty, formulaId: r.formulaId,
  discountPercent: r.discountPercent, discountAmountCents: r.discountAmountCents, minOrderCents: r.minOrderCents,
  orderTypes: r.orderTypes, channels: r.channels, appliesTo: r.appliesTo, active: r.active,
  createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
});

async function checkRefs(r: CatalogRepos, restaurantId: string, v: { formulaId?: string | null | undefined; serviceIds?: string[] | undefined }) {
  if (v.formulaId) await assertOwned(r, 'formula', restaurantId, [v.formulaId], "Cette formule n'existe pas");
  if (v.serviceIds) await assertOwned(r, 'service', restaurantId, v.serviceIds, SERVICE_NOT_FOUND);
}

export function offerService(store: CatalogStore) {
  const scope = (restaurantId: string, actor: Actor) => ({ restaurantId, actor, entityType: 'offer' });
  return {
    async list(restaurantId: string, q: OfferListQuery) {
      const [rows, total] = await store.offers.list(restaurantId, q, q);
      return paged(rows.map(offerDto), total, q);
    },

    async get(restaurantId: string, id: string): Promise<OfferDto> {
      return offerDto(found(await store.offers.find(restaurantId, id), NOT_FOUND));
    },

    create: (restaurantId: string, body: OfferBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        await checkRefs(r, restaurantId, body);
        const after = offerDto(await r.offers.create(restaurantId, {
          ...body, weekdays: body.weekdays ?? [], serviceIds: body.serviceIds ?? [],
          orderTypes: body.orderTypes ?? [], channels: body.channels ?? [],
        }));
        return { action: 'create', entityId: after.id, after, result: after };
      }),

    update: (restaurantId: string, id: string, patch: OfferPatchBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const before = offerDto(found(await r.offers.find(restaurantId, id), NOT_FOUND));
        // Explicit nulls in the patch clear a field, so merge them in too.
        assertNoIssues(offerIssues({ ...before, ...defined(patch) }));
        await checkRefs(r, restaurantId, patch);
        const after = offerDto(await r.offers.update(restaurantId, id, defined(patch)));
        return { action: 'update', entityId: id, before, after, result: after };
      }),

    remove: (restaurantId: string, id: string, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const before = offerDto(found(await r.offers.find(restaurantId, id), NOT_FOUND));
        await r.offers.delete(restaurantId, id);
        return { action: 'delete', entityId: id, before, result: undefined };
      }),
  };
}
export type OfferService = ReturnType<typeof offerService>;
