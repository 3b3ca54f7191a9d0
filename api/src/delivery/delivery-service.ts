// Can we deliver this address, for how much, and how soon?
import { AppError, isAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { DeliveryCheckRequest, DeliveryCheckResult, DeliveryZoneSummary } from '../contract/delivery.ts';
import type { DeliveryRepository, DeliveryZoneRow } from './delivery-repository.ts';
import { deliveryEtaMinutes, deliverySummary, offlineRoadEstimate } from './estimates.ts';
import { fromSaved, HINTS, locateWithGeocoder, offline, type AddressInput, type Located, type NotFound } from './locate.ts';
import { matchZone } from './zones.ts';
import type { DistanceProvider, GeocodingProvider, LatLng, RoadDistance } from './types.ts';

export type DeliveryCheckInput = DeliveryCheckRequest;

export interface DeliveryServiceDeps {
  repo: DeliveryRepository;
  /** null: no Google key, answer offline. */
  geocoder: GeocodingProvider | null;
  distances: DistanceProvider | null;
  log?: Logger | undefined;
}

const zoneSummary = (z: DeliveryZoneRow): DeliveryZoneSummary => ({
  id: z.id, name: z.name, feeCents: z.feeCents, minOrderCents: z.minOrderCents,
  freeAboveCents: z.freeAboveCents, etaMinutes: z.etaMinutes,
});

/** The address as given, when it could not be (or need not be) located. */
function unlocated(input: AddressInput, source: Located['source'], hint: string | undefined): Located {
  return { found: true, ...trimmed(input), point: null, quality: 'unknown', placeId: null, source, hint };
}

const trimmed = (a: AddressInput): AddressInput => ({ line1: a.line1.trim(), postcode: a.postcode.trim(), city: a.city.trim() });

function baseResult(l: Located): DeliveryCheckResult {
  return {
    deliverable: false,
    needsConfirmation: l.hint !== undefined,
    ...(l.hint ? { confirmationHint: l.hint } : {}),
    address: {
      line1: l.line1, postcode: l.postcode, city: l.city, lat: l.point?.lat ?? null, lng: l.point?.lng ?? null,
      quality: l.quality, placeId: l.placeId,
    },
    zone: null, distanceM: null, durationS: null, etaMinutes: null, summary: null,
    source: l.source,
    ...(l.upstreamError ? { upstreamError: l.upstreamError } : {}),
  };
}

export function deliveryService(deps: DeliveryServiceDeps) {
  const { repo } = deps;

  async function locate(restaurantId: string, input: DeliveryCheckInput, now: Date): Promise<Located | NotFound> {
    const address = trimmed(input);
    if (input.coordinates) return fromSaved(address, { point: input.coordinates, quality: 'manual', placeId: null });
    if (input.customerAddressId) {
      const saved = await repo.findCustomerAddress(restaurantId, input.customerAddressId);
      if (!saved) throw new AppError('not_found', "Cette adresse client n'existe pas");
      if (saved.latitude !== null && saved.longitude !== null) {
        return fromSaved(address, {
          point: { lat: saved.latitude, lng: saved.longitude }, quality: saved.geocodeQuality, placeId: saved.placeId,
        });
      }
    }
    if (!deps.geocoder) return offline(address);
    return locateWithGeocoder({ geocoder: deps.geocoder, repo, log: deps.log }, address, now);
  }

  async function roadDistance(origin: LatLng, to: LatLng): Promise<{ road: RoadDistance; upstreamFailed: boolean }> {
    if (!deps.distances) return { road: offlineRoadEstimate(origin, to), upstreamFailed: false };
    try {
      return { road: (await deps.distances.distance(origin, to)) ?? offlineRoadEstimate(origin, to), upstreamFailed: false };
    } catch (e) {
      if (!isAppError(e) || e.code !== 'upstream_unavailable') throw e;
      deps.log?.warn({ err: e.message, details: e.details }, 'distance matrix unavailable, estimating offline');
      return { road: offlineRoadEstimate(origin, to), upstreamFailed: true };
    }
  }

  return {
    async checkDeliveryAddress(restaurantId: string, input: DeliveryCheckInput, now: Date): Promise<DeliveryCheckResult> {
      const restaurant = await repo.findRestaurant(restaurantId);
      if (!restaurant) throw new AppError('not_found', 'Restaurant introuvable');
      if (!restaurant.acceptsDelivery) {
        return { ...baseResult(unlocated(input, 'offline', undefined)), reason: 'delivery_disabled' };
      }
      const loc = await locate(restaurantId, input, now);
      if (!loc.found) {
        return { ...baseResult(unlocated(input, loc.source, HINTS.notFound)), reason: 'address_not_found' };
      }
      const origin = restaurant.latitude !== null && restaurant.longitude !== null
        ? { lat: restaurant.latitude, lng: restaurant.longitude } : null;
      const zones = await repo.activeZones(restaurantId);
      const match = matchZone(zones, { postcode: loc.postcode, point: loc.point, origin });
      const result = baseResult(loc);
      if (!match) {
        // Without coordinates, radius and polygon zones could not be checked: the "no" is not certain.
        const unchecked = loc.point === null && zones.some((z) => z.kind !== 'postcodes');
        return { ...result, reason: 'out_of_zone', needsConfirmation: result.needsConfirmation || unchecked };
      }
      // Road distance only for addresses we deliver: an out-of-zone answer needs no paid request.
      const measured = loc.point && origin ? await roadDistance(origin, loc.point) : null;
      const etaMinutes = deliveryEtaMinutes({
        zoneEtaMinutes: match.zone.etaMinutes, durationS: measured?.road.durationS ?? null, prepLeadMinutes: restaurant.prepLeadMinutes,
      });
      return {
        ...result,
        deliverable: true,
        zone: zoneSummary(match.zone),
        distanceM: measured?.road.distanceM ?? null,
        durationS: measured?.road.durationS ?? null,
        etaMinutes,
        summary: deliverySummary(measured?.road.distanceM ?? null, etaMinutes),
        ...(measured?.upstreamFailed ? { upstreamError: 'upstream_unavailable' as const } : {}),
      };
    },
  };
}
export type DeliveryService = ReturnType<typeof deliveryService>;
