// Geocoding through the GeocodeCache table: an address already looked up costs
// no Google request (and no latency) until it expires.
import { z } from 'zod';
import { normaliseQuery } from './normalize.ts';
import type { DeliveryRepository } from './delivery-repository.ts';
import type { GeocodeCandidate, GeocodeQuery, GeocodingProvider } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
// Buildings do not move; an uncertain answer may improve once Google's data
// does, or once the query is retyped, so it is kept only briefly.
export const EXACT_TTL_MS = 30 * DAY_MS;
export const APPROXIMATE_TTL_MS = DAY_MS;

const Candidate = z.object({
  formattedAddress: z.string(),
  line1: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  streetNumberPresent: z.boolean(),
  quality: z.enum(['exact', 'approximate', 'postcode_only']),
  placeId: z.string().nullable(),
  partialMatch: z.boolean(),
});
const CachedRaw = z.object({ candidates: z.array(Candidate).min(1) });

export function geocodeQueryKey(q: GeocodeQuery): string {
  const text = 'text' in q ? q.text : `${q.address.line1}, ${q.address.postcode} ${q.address.city}, ${q.address.countryCode ?? 'FR'}`;
  return normaliseQuery(text);
}

export interface GeocodeOutcome {
  candidates: GeocodeCandidate[];
  cached: boolean;
}

/** Errors of the provider propagate; only answers with at least one candidate are cached. */
export async function geocodeWithCache(
  provider: GeocodingProvider, repo: DeliveryRepository, query: GeocodeQuery, now: Date,
): Promise<GeocodeOutcome> {
  const key = geocodeQueryKey(query);
  const hit = await repo.findGeocode(provider.name, key, now);
  const parsed = hit ? CachedRaw.safeParse(hit.raw) : null;
  if (parsed?.success) return { candidates: parsed.data.candidates, cached: true };

  const candidates = await provider.geocode(query);
  const top = candidates[0];
  if (!top) return { candidates, cached: false };
  const ttl = top.quality === 'exact' ? EXACT_TTL_MS : APPROXIMATE_TTL_MS;
  // A lost cache write (two callers racing on the same address) only costs a later request.
  await repo.saveGeocode(provider.name, key, {
    formattedAddress: top.formattedAddress, latitude: top.lat, longitude: top.lng, quality: top.quality,
    placeId: top.placeId, postcode: top.postcode, city: top.city, raw: { candidates: candidates.map((c) => ({ ...c })) },
  }, { now, expiresAt: new Date(now.getTime() + ttl) }).catch(() => undefined);
  return { candidates, cached: false };
}
