// Offline road estimates, delivery ETA and the sentence the agent reads out.
import { straightLineMeters } from './zones.ts';
import type { LatLng, RoadDistance } from './types.ts';

// Streets are not straight lines: in dense European city centres the road
// distance is typically 1.2–1.4 × the crow-flies distance (blocks, one-way
// streets); 1.3 is the usual urban detour ("circuity") factor.
export const URBAN_DETOUR_FACTOR = 1.3;
// Door-to-door average of a delivery car or scooter in a French city centre,
// traffic lights and parking included.
export const URBAN_SPEED_KMH = 20;

export function offlineRoadEstimate(from: LatLng, to: LatLng): RoadDistance {
  const distanceM = Math.round(straightLineMeters(from, to) * URBAN_DETOUR_FACTOR);
  return { distanceM, durationS: Math.round(distanceM / (URBAN_SPEED_KMH / 3.6)) };
}

/**
 * Minutes until the customer is served: the zone's promise, or cooking plus the
 * drive when that is longer. Rounded up to 5 minutes, as promises are spoken.
 */
export function deliveryEtaMinutes(p: { zoneEtaMinutes: number | null; durationS: number | null; prepLeadMinutes: number }): number {
  const driveAndPrep = p.durationS === null ? p.prepLeadMinutes : Math.ceil(p.durationS / 60) + p.prepLeadMinutes;
  const minutes = Math.max(p.zoneEtaMinutes ?? 0, driveAndPrep);
  return Math.ceil(minutes / 5) * 5;
}

const decimal = (n: number): string => String(n).replace('.', ',');

/** "800 m", "2,3 km", "2 km", "12 km". */
export function formatDistanceFr(meters: number): string {
  const hundreds = Math.round(meters / 100) * 100;
  if (hundreds < 1000) return `${Math.max(hundreds, 100)} m`;
  const km = hundreds / 1000;
  return km >= 10 ? `${Math.round(km)} km` : `${decimal(km)} km`;
}

/** "35 minutes", "1 h", "1 h 15". */
export function formatMinutesFr(minutes: number): string {
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/** "2,3 km, environ 35 minutes", or "environ 30 minutes" when the distance is unknown. */
export function deliverySummary(distanceM: number | null, etaMinutes: number): string {
  const eta = `environ ${formatMinutesFr(etaMinutes)}`;
  return distanceM === null ? eta : `${formatDistanceFr(distanceM)}, ${eta}`;
}
