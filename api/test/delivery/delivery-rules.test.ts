// The pure rules of delivery checking: zone choice, spoken summaries, cache
// keys and how Google answers are graded.
import t from 'tap';
import { matchZone, type ZoneRule } from '../../src/delivery/zones.ts';
import { deliveryEtaMinutes, deliverySummary, formatDistanceFr, offlineRoadEstimate } from '../../src/delivery/estimates.ts';
import { normaliseQuery } from '../../src/delivery/normalize.ts';
import { candidatesFromGoogle, type GoogleGeocodeResult } from '../../src/delivery/google-results.ts';
import { geocodeHint, HINTS } from '../../src/delivery/locate.ts';

const RESTAURANT = { lat: 43.2985, lng: 5.37 };
// A square around the Vieux-Port, [lon, lat] as GeoJSON wants.
const VIEUX_PORT = { type: 'Polygon', coordinates: [[[5.36, 43.29], [5.38, 43.29], [5.38, 43.30], [5.36, 43.30], [5.36, 43.29]]] };

const zone = (id: string, z: Partial<ZoneRule>): ZoneRule & { id: string } => ({
  id, kind: 'postcodes', radiusM: null, postcodes: [], polygon: null, priority: 0, active: true, ...z,
});
const ZONES = [
  zone('centre', { postcodes: ['13001', '13002'], priority: 0 }),
  zone('proche', { postcodes: ['13003', '13006', '13007'], priority: 1 }),
  zone('rayon', { kind: 'radius', radiusM: 5000, priority: 2 }),
  zone('port', { kind: 'polygon', polygon: VIEUX_PORT, priority: 3 }),
  zone('ferme', { postcodes: ['13005'], priority: -5, active: false }),
  zone('casse', { kind: 'polygon', polygon: { type: 'Polygon', coordinates: 'nope' }, priority: -4 }),
];

t.test('the zone an address falls in', async (t) => {
  const cases: { name: string; postcode: string | null; point: { lat: number; lng: number } | null; zones?: ZoneRule[]; want: string | null; by?: string }[] = [
    { name: 'postcode of the centre', postcode: '13002', point: null, want: 'centre', by: 'postcode' },
    { name: 'postcode of the second ring', postcode: '13006', point: null, want: 'proche', by: 'postcode' },
    { name: 'no coordinates: only postcode zones can match', postcode: '13005', point: null, want: null },
    { name: 'an inactive zone never matches', postcode: '13005', point: { lat: 43.2896, lng: 5.3895 }, want: 'rayon', by: 'radius' },
    { name: 'outside every zone', postcode: '13100', point: { lat: 43.52645, lng: 5.44539 }, want: null },
    { name: 'lower priority wins over an overlapping radius', postcode: '13001', point: { lat: 43.295, lng: 5.375 }, want: 'centre', by: 'postcode' },
    { name: 'a polygon alone', postcode: '13100', point: { lat: 43.295, lng: 5.375 }, zones: [ZONES[3]!], want: 'port', by: 'polygon' },
    { name: 'outside the polygon', postcode: '13100', point: { lat: 43.31, lng: 5.375 }, zones: [ZONES[3]!], want: null },
    { name: 'priority order does not depend on list order', postcode: '13002', point: RESTAURANT, zones: [ZONES[3]!, { ...ZONES[3]!, id: 'first', priority: -1 }], want: 'first', by: 'polygon' },
  ];
  for (const c of cases) {
    const m = matchZone(c.zones ?? ZONES, { postcode: c.postcode, point: c.point, origin: RESTAURANT });
    t.equal(m?.zone.id ?? null, c.want, c.name);
    if (c.by) t.equal(m?.by, c.by, `${c.name}: matched by ${c.by}`);
  }
  t.equal(matchZone(ZONES, { postcode: null, point: { lat: 43.2896, lng: 5.3895 }, origin: null })?.zone.id ?? null, null,
    'a radius zone needs the restaurant coordinates');
});

t.test('what the agent reads out', async (t) => {
  const distances: [number, string][] = [[40, '100 m'], [820, '800 m'], [960, '1 km'], [2340, '2,3 km'], [2000, '2 km'], [12600, '13 km']];
  for (const [m, want] of distances) t.equal(formatDistanceFr(m), want, `${m} m`);
  const summaries: [number | null, number, string][] = [
    [2300, 35, '2,3 km, environ 35 minutes'],
    [null, 30, 'environ 30 minutes'],
    [8000, 60, '8 km, environ 1 h'],
    [9400, 75, '9,4 km, environ 1 h 15'],
  ];
  for (const [m, eta, want] of summaries) t.equal(deliverySummary(m, eta), want, want);
});

t.test('the ETA is the zone promise or prep + drive, rounded up to 5 minutes', async (t) => {
  t.equal(deliveryEtaMinutes({ zoneEtaMinutes: 30, durationS: 300, prepLeadMinutes: 20 }), 30, 'zone promise is longer');
  t.equal(deliveryEtaMinutes({ zoneEtaMinutes: 30, durationS: 1260, prepLeadMinutes: 20 }), 45, '21 min drive + 20 prep = 41 → 45');
  t.equal(deliveryEtaMinutes({ zoneEtaMinutes: null, durationS: null, prepLeadMinutes: 20 }), 20);
});

t.test('offline estimate: straight line × 1.3 at 20 km/h', async (t) => {
  const est = offlineRoadEstimate(RESTAURANT, { lat: 43.2896, lng: 5.3895 });
  t.ok(est.distanceM > 2000 && est.distanceM < 2500, `about 2.2 km (${est.distanceM})`);
  t.equal(est.durationS, Math.round(est.distanceM / (20 / 3.6)));
});

t.test('geocoding cache keys ignore case, accents and spacing', async (t) => {
  t.equal(normaliseQuery('  12 Rue de la  RÉPUBLIQUE ,13002   Marseille '), '12 rue de la republique, 13002 marseille');
  t.equal(normaliseQuery('9 rue d’Aubagne'), normaliseQuery("9 rue d'Aubagne"));
});

const result = (over: Partial<GoogleGeocodeResult> & { number?: string }): GoogleGeocodeResult => ({
  formatted_address: 'x',
  address_components: [
    ...(over.number ? [{ long_name: over.number, short_name: over.number, types: ['street_number'] }] : []),
    { long_name: 'Rue Paradis', short_name: 'Rue Paradis', types: ['route'] },
    { long_name: 'Marseille', short_name: 'Marseille', types: ['locality', 'political'] },
    { long_name: '13006', short_name: '13006', types: ['postal_code'] },
  ],
  geometry: { location: { lat: 43.28, lng: 5.37 }, location_type: 'ROOFTOP' },
  place_id: 'p',
  ...over,
});

t.test('how Google answers are graded', async (t) => {
  const exact = candidatesFromGoogle([result({ number: '14' })])[0]!;
  t.equal(exact.quality, 'exact');
  t.equal(exact.line1, '14 Rue Paradis');
  t.equal(geocodeHint(exact, 1), undefined, 'nothing to confirm');

  const noNumber = candidatesFromGoogle([result({ geometry: { location: { lat: 43.28, lng: 5.37 }, location_type: 'GEOMETRIC_CENTER' } })])[0]!;
  t.equal(noNumber.quality, 'approximate');
  t.equal(noNumber.streetNumberPresent, false);
  t.equal(geocodeHint(noNumber, 1), HINTS.streetNumber);

  const partial = candidatesFromGoogle([result({ number: '14', partial_match: true })])[0]!;
  t.equal(partial.quality, 'approximate');
  t.equal(geocodeHint(partial, 1), HINTS.uncertain);

  const approx = candidatesFromGoogle([result({ number: '14', geometry: { location: { lat: 1, lng: 1 }, location_type: 'APPROXIMATE' } })])[0]!;
  t.equal(approx.quality, 'approximate');

  const several = candidatesFromGoogle([result({ number: '14' }), result({ number: '14', place_id: 'q' })]);
  t.same(several.map((c) => c.quality), ['approximate', 'approximate'], 'two answers: neither is certain');
  t.equal(geocodeHint(several[0]!, 2), HINTS.several);
});
