// The seams of delivery checking: geocoding and road distance are providers,
// so Google can be swapped (or be down) without touching the zone rules.

export interface LatLng {
  lat: number;
  lng: number;
}

export interface StructuredAddress {
  line1: string;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2; France when absent. */
  countryCode?: string;
}

/** Free text ("12 rue de la République Marseille") or a structured address. */
export type GeocodeQuery = { text: string } | { address: StructuredAddress };

/**
 * exact: the building itself. approximate: the street, a partial match or one of
 * several answers, to confirm with the caller. postcode_only: nothing better than
 * the postcode (offline path).
 */
export type GeocodeQualityLevel = 'exact' | 'approximate' | 'postcode_only';

export interface GeocodeCandidate {
  formattedAddress: string;
  /** "12 rue de la République", or the street alone when there is no number. */
  line1: string | null;
  lat: number;
  lng: number;
  postcode: string | null;
  city: string | null;
  streetNumberPresent: boolean;
  quality: GeocodeQualityLevel;
  placeId: string | null;
  partialMatch: boolean;
}

export interface GeocodingProvider {
  /** Stable name, part of the cache key. */
  readonly name: string;
  /**
   * Best candidates first; an empty list means "no such address".
   * Throws AppError('upstream_unavailable') when the provider cannot answer.
   */
  geocode(query: GeocodeQuery): Promise<GeocodeCandidate[]>;
}

export interface RoadDistance {
  distanceM: number;
  durationS: number;
}

export interface DistanceProvider {
  /**
   * Driving distance and time; null when no road route exists.
   * Throws AppError('upstream_unavailable') when the provider cannot answer.
   */
  distance(origin: LatLng, destination: LatLng): Promise<RoadDistance | null>;
}
