// Delivery checking, for the dashboard route, the agent's check_delivery_address
// tool and order creation alike.
import type { AppContext } from '../http/context.ts';
import { deliveryRepository } from './delivery-repository.ts';
import { deliveryService, type DeliveryService } from './delivery-service.ts';
import { googleMapsProviders } from './google-maps.ts';

export function createDeliveryService(ctx: Pick<AppContext, 'db' | 'log' | 'config'>): DeliveryService {
  const key = ctx.config.googleMapsApiKey;
  // Without a key every check is answered offline, from the zones alone.
  const google = key ? googleMapsProviders({ apiKey: key, baseUrl: ctx.config.googleMapsBaseUrl }) : null;
  return deliveryService({
    repo: deliveryRepository(ctx.db.prisma),
    geocoder: google?.geocoder ?? null,
    distances: google?.distances ?? null,
    log: ctx.log,
  });
}

export { deliveryService, type DeliveryService, type DeliveryServiceDeps, type DeliveryCheckInput } from './delivery-service.ts';
export { deliveryRepository, type DeliveryRepository } from './delivery-repository.ts';
export { googleMapsProviders, GOOGLE_MAPS_URL, type GoogleMapsOptions } from './google-maps.ts';
export { matchZone, type ZoneRule, type ZoneMatch, type ZoneMatchBy } from './zones.ts';
export { deliveryEtaMinutes, deliverySummary, offlineRoadEstimate, URBAN_DETOUR_FACTOR, URBAN_SPEED_KMH } from './estimates.ts';
export { HINTS as DELIVERY_HINTS } from './locate.ts';
export type * from './types.ts';
export type { DeliveryCheckRequest, DeliveryCheckResult, DeliveryZoneSummary } from '../contract/delivery.ts';
