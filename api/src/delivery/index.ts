// Delivery checking, for the dashboard route, the agent's check_delivery_address
// tool and order creation alike.
import type { AppContext } from '../http/context.ts';
import { deliveryRepository } from './delivery-repository.ts';
import { deliveryService, type DeliveryService } from './delivery-service.ts';
import type { DistanceProvider, GeocodingProvider } from './types.ts';

export function createDeliveryService(ctx: Pick<AppContext, 'db' | 'log' | 'config'>): DeliveryService {
  const key = ctx.config.googleMapsApiKey;
  // Without a key every check is answered offline, from the zones alone.
  const google = key ? lazyGoogle(key, ctx.config.googleMapsBaseUrl) : null;
  return deliveryService({
    repo: deliveryRepository(ctx.db.prisma),
    geocoder: google?.geocoder ?? null,
    distances: google?.distances ?? null,
    log: ctx.log,
  });
}

export { deliveryService, type DeliveryService, type DeliveryServiceDeps, type DeliveryCheckInput } from './delivery-service.ts';
export { deliveryRepository, type DeliveryRepository } from './delivery-repository.ts';
export type { GoogleMapsOptions } from './google-maps.ts';

// The Maps client (and axios under it) loads on the first address check, not at boot.
function lazyGoogle(apiKey: string, baseUrl: string | undefined): { geocoder: GeocodingProvider; distances: DistanceProvider } {
  let providers: Promise<{ geocoder: GeocodingProvider; distances: DistanceProvider }> | undefined;
  const load = () => (providers ??= import('./google-maps.ts').then((m) => m.googleMapsProviders({ apiKey, baseUrl })));
  return {
    // Same name as the real provider's: it is part of the geocode cache key.
    geocoder: { name: 'google', geocode: async (q) => (await load()).geocoder.geocode(q) },
    distances: { distance: async (a, b) => (await load()).distances.distance(a, b) },
  };
}
export { matchZone, type ZoneRule, type ZoneMatch, type ZoneMatchBy } from './zones.ts';
export { deliveryEtaMinutes, deliverySummary, offlineRoadEstimate, URBAN_DETOUR_FACTOR, URBAN_SPEED_KMH } from './estimates.ts';
export { HINTS as DELIVERY_HINTS } from './locate.ts';
export type * from './types.ts';
export type { DeliveryCheckRequest, DeliveryCheckResult, DeliveryZoneSummary } from '../contract/delivery.ts';
