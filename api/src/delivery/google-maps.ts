// Google Geocoding and Distance Matrix behind our provider interfaces.
import { Client, TravelMode, UnitSystem } from '@googlemaps/google-maps-services-js';
import { AppError } from '../errors.ts';
import { candidatesFromGoogle, type GoogleGeocodeResult } from './google-results.ts';
import type { DistanceProvider, GeocodeQuery, GeocodingProvider, LatLng, RoadDistance } from './types.ts';

export const GOOGLE_MAPS_URL = 'https://maps.googleapis.com';
export const GOOGLE_PROVIDER = 'google';

// A caller is waiting on the phone: better a quick offline answer than a slow exact one.
const TIMEOUT_MS = 4000;

export interface GoogleMapsOptions {
  apiKey: string;
  /** Another host speaking Google's API (a test double, a proxy); Google's own when absent. */
  baseUrl?: string | undefined;
  timeoutMs?: number;
}

interface GoogleBody {
  status?: string;
  error_message?: string;
}

/** Whatever went wrong upstream (denied key, quota, network) ends as upstream_unavailable. */
function upstreamError(api: string, e: unknown): AppError {
  if (e instanceof AppError) return e;
  const data = (e as { response?: { data?: GoogleBody } }).response?.data;
  const status = data?.status ?? (e as { code?: string }).code ?? 'network_error';
  return new AppError('upstream_unavailable', `Google ${api} failed: ${status}`, {
    status,
    errorMessage: data?.error_message ?? (e instanceof Error ? e.message : undefined),
  });
}

function queryText(q: GeocodeQuery): string {
  if ('text' in q) return q.text;
  return `${q.address.line1}, ${q.address.postcode} ${q.address.city}`;
}

export function googleMapsProviders(opts: GoogleMapsOptions): { geocoder: GeocodingProvider; distances: DistanceProvider } {
  // Our own Client gets its own axios instance, and every call names its full
  // URL: `config.baseURL` does not redirect this library, and an interceptor on
  // its shared defaultAxiosInstance would redirect every other user too.
  // No retries: the caller falls back to the offline answer instead of waiting.
  const client = new Client({
    config: { timeout: opts.timeoutMs ?? TIMEOUT_MS, raxConfig: { retry: 0, noResponseRetries: 0 } },
  });
  const base = (opts.baseUrl ?? GOOGLE_MAPS_URL).replace(/\/+$/, '');
  const key = opts.apiKey;

  const geocoder: GeocodingProvider = {
    name: GOOGLE_PROVIDER,
    async geocode(q) {
      const countryCode = 'address' in q ? (q.address.countryCode ?? 'FR') : 'FR';
      let body: GoogleBody & { results?: GoogleGeocodeResult[] };
      try {
        const res = await client.geocode({
          url: `${base}/maps/api/geocode/json`,
          params: { key, address: queryText(q), components: { country: countryCode }, region: 'fr', language: 'fr' },
        });
        body = res.data as typeof body;
      } catch (e) {
        throw upstreamError('geocoding', e);
      }
      if (body.status === 'ZERO_RESULTS') return [];
      if (body.status !== 'OK') throw upstreamError('geocoding', { response: { data: body } });
      return candidatesFromGoogle(body.results ?? []);
    },
  };

  const distances: DistanceProvider = {
    async distance(origin: LatLng, destination: LatLng): Promise<RoadDistance | null> {
      let body: GoogleBody & { rows?: { elements?: { status: string; distance?: { value: number }; duration?: { value: number } }[] }[] };
      try {
        const res = await client.distancematrix({
          url: `${base}/maps/api/distancematrix/json`,
          params: {
            key, origins: [origin], destinations: [destination],
            mode: TravelMode.driving, units: UnitSystem.metric, region: 'fr', language: 'fr',
          },
        });
        body = res.data as typeof body;
      } catch (e) {
        throw upstreamError('distance matrix', e);
      }
      if (body.status !== 'OK') throw upstreamError('distance matrix', { response: { data: body } });
      const el = body.rows?.[0]?.elements?.[0];
      if (!el || el.status !== 'OK' || !el.distance || !el.duration) return null;
      return { distanceM: el.distance.value, durationS: el.duration.value };
    },
  };

  return { geocoder, distances };
}
