// Google Geocoding results → provider candidates. Pure, so the quality rules
// can be tested without a server.
import type { GeocodeCandidate } from './types.ts';

/** The fields we read from a Google geocoding result (its documented JSON shape). */
export interface GoogleGeocodeResult {
  formatted_address: string;
  address_components: { long_name: string; short_name: string; types: string[] }[];
  geometry: { location: { lat: number; lng: number }; location_type?: string };
  place_id?: string;
  partial_match?: boolean;
  types?: string[];
}

// Only these pin the building itself; APPROXIMATE and GEOMETRIC_CENTER are the
// middle of a street or an area, where a courier would have to call back.
const PRECISE_LOCATIONS = new Set(['ROOFTOP', 'RANGE_INTERPOLATED']);

function component(r: GoogleGeocodeResult, ...types: string[]): string | null {
  for (const type of types) {
    const c = r.address_components.find((x) => x.types.includes(type));
    if (c) return c.long_name;
  }
  return null;
}

/**
 * Several results mean Google could not decide between addresses, so none of
 * them is exact, even a rooftop one.
 */
export function candidatesFromGoogle(results: readonly GoogleGeocodeResult[]): GeocodeCandidate[] {
  const ambiguous = results.length > 1;
  return results.map((r) => {
    const number = component(r, 'street_number');
    const route = component(r, 'route');
    const partialMatch = r.partial_match === true;
    const precise = PRECISE_LOCATIONS.has(r.geometry.location_type ?? '');
    const exact = !ambiguous && !partialMatch && number !== null && precise;
    return {
      formattedAddress: r.formatted_address,
      line1: route ? (number ? `${number} ${route}` : route) : null,
      lat: r.geometry.location.lat,
      lng: r.geometry.location.lng,
      postcode: component(r, 'postal_code'),
      city: component(r, 'locality', 'postal_town', 'administrative_area_level_2'),
      streetNumberPresent: number !== null,
      quality: exact ? 'exact' : 'approximate',
      placeId: r.place_id ?? null,
      partialMatch,
    };
  });
}
