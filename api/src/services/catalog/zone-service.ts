// Delivery zones.
import type { DeliveryZoneBody, DeliveryZoneDto, DeliveryZoneListQuery, DeliveryZonePatchBody } from '../../contract/catalog-zones.ts';
import { zoneIssues, type CatalogGeoJsonPolygon } from '../../contract/catalog-zones.ts';
import type { CatalogStore } from '../../repositories/catalog/store.ts';
import type { ZoneRow } from '../../repositories/catalog/zone-repository.ts';
import { writeChange } from './audit.ts';
import { assertNoIssues, defined, found, iso, paged, type Actor } from './common.ts';

const NOT_FOUND = "Cette zone de livraison n'existe pas";

export const zoneDto = (r: ZoneRow): DeliveryZoneDto => ({
  id: r.id, restaurantId: r.restaurantId, name: r.name, kind: r.kind, radiusM: r.radiusM, postcodes: r.postcodes,
  polygon: r.polygon as CatalogGeoJsonPolygon | null, // written only through the validated contract
  feeCents: r.feeCents, minOrderCents: r.minOrderCents, freeAboveCents: r.freeAboveCents, etaMinutes: r.etaMinutes,
  priority: r.priority, active: r.active, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
});

/** Only the geometry of the zone's kind is kept, so a zone never carries two contradicting shapes. */
function geometry(z: { kind: DeliveryZoneDto['kind']; radiusM?: number | null | undefined; postcodes?: string[] | undefined; polygon?: CatalogGeoJsonPolygon | null | undefined }) {
  return {
    kind: z.kind,
    radiusM: z.kind === 'radius' ? z.radiusM ?? null : null,
    postcodes: z.kind === 'postcodes' ? [...new Set(z.postcodes ?? [])] : [],
    polygon: z.kind === 'polygon' ? z.polygon ?? null : null,
  };
}

export function zoneService(store: CatalogStore) {
  const scope = (restaurantId: string, actor: Actor, name?: string) => ({
    restaurantId, actor, entityType: 'delivery_zone', conflict: name && `Une zone de livraison « ${name} » existe déjà`,
  });
  return {
    async list(restaurantId: string, q: DeliveryZoneListQuery) {
      const [rows, total] = await store.zones.list(restaurantId, q, q);
      return paged(rows.map(zoneDto), total, q);
    },
    async get(restaurantId: string, id: string): Promise<DeliveryZoneDto> {
      return zoneDto(found(await store.zones.find(restaurantId, id), NOT_FOUND));
    },
    create: (restaurantId: string, body: DeliveryZoneBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, body.name), async (r) => {
        const after = zoneDto(await r.zones.create(restaurantId, { ...body, ...geometry(body) }));
        return { action: 'create', entityId: after.id, after, result: after };
      }),
    update: (restaurantId: string, id: string, patch: DeliveryZonePatchBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, patch.name), async (r) => {
        const before = zoneDto(found(await r.zones.find(restaurantId, id), NOT_FOUND));
        const merged = { ...before, ...defined(patch) };
        assertNoIssues(zoneIssues(merged));
        const after = zoneDto(await r.zones.update(restaurantId, id, { ...defined(patch), ...geometry(merged) }));
        return { action: 'update', entityId: id, before, after, result: after };
      }),
    remove: (restaurantId: string, id: string, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const before = zoneDto(found(await r.zones.find(restaurantId, id), NOT_FOUND));
        await r.zones.delete(restaurantId, id);
        return { action: 'delete', entityId: id, before, result: undefined };
      }),
  };
}
export type ZoneService = ReturnType<typeof zoneService>;
