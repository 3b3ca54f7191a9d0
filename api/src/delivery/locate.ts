// Where an address is, from the best source at hand: a saved or given point,
// Google (through the cache), or, offline, the postcode alone.
import { isAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { DeliveryRepository } from './delivery-repository.ts';
import { geocodeWithCache } from './geocode-cache.ts';
import type { GeocodeCandidate, GeocodingProvider, LatLng } from './types.ts';

export type AddressQuality = 'exact' | 'approximate' | 'postcode_only' | 'manual' | 'unknown';

export const HINTS = {
  streetNumber: "Je n'ai pas trouvé le numéro de rue, pouvez-vous le confirmer ?",
  several: "J'ai trouvé plusieurs adresses possibles, pouvez-vous préciser la rue et le code postal ?",
  uncertain: "Je ne suis pas certain de l'adresse, pouvez-vous me la répéter avec le code postal ?",
  notFound: 'Je ne trouve pas cette adresse, pouvez-vous me la répéter avec le code postal et la ville ?',
  postcodeOnly: "Je n'ai pas pu vérifier l'adresse exacte, pouvez-vous me confirmer le numéro et le nom de la rue ?",
} as const;

export interface Located {
  found: true;
  line1: string;
  postcode: string;
  city: string;
  point: LatLng | null;
  quality: AddressQuality;
  placeId: string | null;
  source: 'google' | 'cache' | 'saved' | 'offline';
  hint: string | undefined;
  upstreamError?: 'upstream_unavailable';
}

export interface NotFound {
  found: false;
  source: 'google' | 'cache';
}

export interface AddressInput {
  line1: string;
  postcode: string;
  city: string;
}

export interface SavedPoint {
  point: LatLng;
  quality: AddressQuality;
  placeId: string | null;
}

/** The sentence to ask for confirmation, or undefined when the address is certain. */
export function geocodeHint(top: GeocodeCandidate, count: number): string | undefined {
  if (count > 1) return HINTS.several;
  if (!top.streetNumberPresent) return HINTS.streetNumber;
  return top.quality === 'exact' ? undefined : HINTS.uncertain;
}

export function fromSaved(input: AddressInput, saved: SavedPoint): Located {
  const certain = saved.quality === 'exact' || saved.quality === 'manual';
  return {
    found: true, ...input, point: saved.point, quality: saved.quality, placeId: saved.placeId,
    source: 'saved', hint: certain ? undefined : HINTS.uncertain,
  };
}

export function offline(input: AddressInput): Located {
  return { found: true, ...input, point: null, quality: 'postcode_only', placeId: null, source: 'offline', hint: HINTS.postcodeOnly };
}

export async function locateWithGeocoder(
  deps: { geocoder: GeocodingProvider; repo: DeliveryRepository; log?: Logger | undefined },
  input: AddressInput, now: Date,
): Promise<Located | NotFound> {
  try {
    const { candidates, cached } = await geocodeWithCache(deps.geocoder, deps.repo, { address: input }, now);
    const top = candidates[0];
    if (!top) return { found: false, source: cached ? 'cache' : 'google' };
    return {
      found: true,
      line1: top.line1 ?? input.line1,
      postcode: top.postcode ?? input.postcode,
      city: top.city ?? input.city,
      point: { lat: top.lat, lng: top.lng },
      quality: candidates.length > 1 ? 'approximate' : top.quality,
      placeId: top.placeId,
      source: cached ? 'cache' : 'google',
      hint: geocodeHint(top, candidates.length),
    };
  } catch (e) {
    if (!isAppError(e) || e.code !== 'upstream_unavailable') throw e;
    // Google down or refusing: the caller still gets an answer from the postcode.
    deps.log?.warn({ err: e.message, details: e.details }, 'geocoding unavailable, answering offline');
    return { ...offline(input), upstreamError: 'upstream_unavailable' };
  }
}
