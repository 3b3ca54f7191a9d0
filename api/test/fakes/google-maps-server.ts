// A tiny Google Maps Platform for tests: Geocoding and Distance Matrix over
// real HTTP, in Google's response formats, answering only from its own table
// of Marseille addresses. Tests steer it the way they would steer Google: by
// the address they ask for and the key they send.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Component { long_name: string; short_name: string; types: string[] }
interface GeoResult {
  formatted_address: string;
  address_components: Component[];
  geometry: { location: { lat: number; lng: number }; location_type: 'ROOFTOP' | 'RANGE_INTERPOLATED' | 'GEOMETRIC_CENTER' | 'APPROXIMATE' };
  place_id: string;
  partial_match?: boolean;
  types: string[];
}

function place(p: {
  number?: string; route: string; postcode: string; city: string; lat: number; lng: number;
  locationType: GeoResult['geometry']['location_type']; partial?: boolean; placeId: string;
}): GeoResult {
  const c = (long_name: string, types: string[], short_name = long_name): Component => ({ long_name, short_name, types });
  return {
    formatted_address: `${p.number ? `${p.number} ` : ''}${p.route}, ${p.postcode} ${p.city}, France`,
    address_components: [
      ...(p.number ? [c(p.number, ['street_number'])] : []),
      c(p.route, ['route']),
      c(p.city, ['locality', 'political']),
      c('Bouches-du-Rhône', ['administrative_area_level_2', 'political'], '13'),
      c("Provence-Alpes-Côte d'Azur", ['administrative_area_level_1', 'political'], 'PACA'),
      c('France', ['country', 'political'], 'FR'),
      c(p.postcode, ['postal_code']),
    ],
    geometry: { location: { lat: p.lat, lng: p.lng }, location_type: p.locationType },
    place_id: p.placeId,
    ...(p.partial ? { partial_match: true } : {}),
    types: p.number ? ['street_address'] : ['route'],
  };
}

/** What this little Google knows, matched against the lowercased, accent-free query. */
export const KNOWN_ADDRESSES: { pattern: RegExp; results: GeoResult[] }[] = [
  { pattern: /^12 rue de la republique,? 13002 marseille/, results: [place({
    number: '12', route: 'Rue de la République', postcode: '13002', city: 'Marseille',
    lat: 43.2979, lng: 5.36955, locationType: 'ROOFTOP', placeId: 'ChIJ-fake-12-republique',
  })] },
  { pattern: /^52 rue sylvabelle,? 13006 marseille/, results: [place({
    number: '52', route: 'Rue Sylvabelle', postcode: '13006', city: 'Marseille',
    lat: 43.28816, lng: 5.37548, locationType: 'ROOFTOP', placeId: 'ChIJ-fake-52-sylvabelle',
  })] },
  // No street number: Google returns the street's middle and flags the partial match.
  { pattern: /^rue paradis,? 13006 marseille/, results: [place({
    route: 'Rue Paradis', postcode: '13006', city: 'Marseille',
    lat: 43.28531, lng: 5.37855, locationType: 'GEOMETRIC_CENTER', partial: true, placeId: 'ChIJ-fake-rue-paradis',
  })] },
  { pattern: /^8 cours mirabeau,? 13100 aix-en-provence/, results: [place({
    number: '8', route: 'Cours Mirabeau', postcode: '13100', city: 'Aix-en-Provence',
    lat: 43.52645, lng: 5.44539, locationType: 'ROOFTOP', placeId: 'ChIJ-fake-8-mirabeau',
  })] },
];

const normalise = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

function haversineM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2
    + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

function geocode(address: string): { results: GeoResult[]; status: string } {
  const q = normalise(address);
  const hit = KNOWN_ADDRESSES.find((a) => a.pattern.test(q));
  return hit ? { results: hit.results, status: 'OK' } : { results: [], status: 'ZERO_RESULTS' };
}

function toPoint(s: string): { lat: number; lng: number } | null {
  const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(s.trim());
  if (m) return { lat: Number(m[1]), lng: Number(m[2]) };
  return geocode(s).results[0]?.geometry.location ?? null;
}

// The road model of this little Google: streets wind 1.4 × the straight line,
// driven at 24 km/h.
function element(from: { lat: number; lng: number } | null, to: { lat: number; lng: number } | null) {
  if (!from || !to) return { status: 'NOT_FOUND' };
  const meters = Math.round(haversineM(from, to) * 1.4);
  const seconds = Math.round(meters / (24 / 3.6));
  return {
    status: 'OK',
    distance: { text: `${(meters / 1000).toFixed(1).replace('.', ',')} km`, value: meters },
    duration: { text: `${Math.max(1, Math.round(seconds / 60))} minutes`, value: seconds },
  };
}

function distanceMatrix(q: URLSearchParams) {
  const origins = (q.get('origins') ?? '').split('|').filter(Boolean);
  const destinations = (q.get('destinations') ?? '').split('|').filter(Boolean);
  if (!origins.length || !destinations.length) {
    return { origin_addresses: [], destination_addresses: [], rows: [], status: 'INVALID_REQUEST', error_message: 'Missing origins or destinations.' };
  }
  return {
    origin_addresses: origins,
    destination_addresses: destinations,
    rows: origins.map((o) => ({ elements: destinations.map((d) => element(toPoint(o), toPoint(d))) })),
    status: 'OK',
  };
}

export interface RecordedRequest {
  path: string;
  params: Record<string, string>;
}

export interface FakeGoogleMaps {
  url: string;
  requests: RecordedRequest[];
  count(path: string): number;
  close(): Promise<void>;
}

export async function startFakeGoogleMaps(opts: { apiKey: string }): Promise<FakeGoogleMaps> {
  const requests: RecordedRequest[] = [];
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    requests.push({ path: url.pathname, params: Object.fromEntries(url.searchParams) });
    const denied = url.searchParams.get('key') !== opts.apiKey;
    const deniedBody = { status: 'REQUEST_DENIED', error_message: 'The provided API key is invalid. ' };
    if (url.pathname === '/maps/api/geocode/json') {
      if (denied) return send(res, 200, { results: [], ...deniedBody });
      const address = url.searchParams.get('address');
      if (!address) return send(res, 200, { results: [], status: 'INVALID_REQUEST', error_message: 'Invalid request. Missing the \'address\' parameter.' });
      return send(res, 200, geocode(address));
    }
    if (url.pathname === '/maps/api/distancematrix/json') {
      if (denied) return send(res, 200, { origin_addresses: [], destination_addresses: [], rows: [], ...deniedBody });
      return send(res, 200, distanceMatrix(url.searchParams));
    }
    send(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    count: (path) => requests.filter((r) => r.path === path).length,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
