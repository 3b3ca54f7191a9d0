// Which delivery zone an address falls in. Pure: the zones and the address
// come in, the winning zone goes out.
import { z } from 'zod';
import { distance as turfDistance } from '@turf/distance';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { LatLng } from './types.ts';

export interface ZoneRule {
  id: string;
  kind: 'radius' | 'postcodes' | 'polygon';
  radiusM: number | null;
  postcodes: readonly string[];
  /** GeoJSON Polygon or MultiPolygon, positions as [lon, lat]. */
  polygon: unknown;
  priority: number;
  active: boolean;
}

export type ZoneMatchBy = 'postcode' | 'radius' | 'polygon';

export interface ZoneMatch<Z> {
  zone: Z;
  by: ZoneMatchBy;
}

export interface ZoneLocation {
  postcode: string | null;
  /** The customer's coordinates, when known. */
  point: LatLng | null;
  /** The restaurant's coordinates, the centre of radius zones. */
  origin: LatLng | null;
}

const Position = z.tuple([z.number(), z.number()]).rest(z.number());
const Ring = z.array(Position).min(4);
const GeoPolygon = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);

export function straightLineMeters(a: LatLng, b: LatLng): number {
  return turfDistance(point([a.lng, a.lat]), point([b.lng, b.lat]), { units: 'meters' });
}

function inPolygon(geo: unknown, p: LatLng): boolean {
  // Zones are edited by hand: a malformed shape matches nothing rather than failing every check.
  const shape = GeoPolygon.safeParse(geo);
  return shape.success && booleanPointInPolygon(point([p.lng, p.lat]), shape.data);
}

function matchOne(zone: ZoneRule, at: ZoneLocation): ZoneMatchBy | null {
  switch (zone.kind) {
    case 'postcodes':
      return at.postcode !== null && zone.postcodes.includes(at.postcode) ? 'postcode' : null;
    case 'radius':
      if (!at.point || !at.origin || zone.radiusM === null) return null;
      return straightLineMeters(at.origin, at.point) <= zone.radiusM ? 'radius' : null;
    case 'polygon':
      return at.point && inPolygon(zone.polygon, at.point) ? 'polygon' : null;
  }
}

/**
 * The active zone with the lowest priority that contains the address. Without
 * coordinates only postcode zones can match.
 */
export function matchZone<Z extends ZoneRule>(zones: readonly Z[], at: ZoneLocation): ZoneMatch<Z> | null {
  const ordered = zones.filter((z) => z.active).sort((a, b) => a.priority - b.priority);
  for (const zone of ordered) {
    const by = matchOne(zone, at);
    if (by) return { zone, by };
  }
  return null;
}
