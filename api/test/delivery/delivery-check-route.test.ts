// POST /restaurants/:restaurantId/delivery/check, on the real API configured
// (through its environment) to use the local Google stand-in.
import t from 'tap';
import { startTestApi, client } from '../helpers/test-api.ts';
import { startFakeGoogleMaps } from '../fakes/google-maps-server.ts';
import { DEMO_OWNER } from '../../src/seed/demo-seed.ts';
import { DeliveryCheckResult, ErrorBody, MeResponse } from '../../src/contract/index.ts';

const KEY = 'route-maps-key';
const fake = await startFakeGoogleMaps({ apiKey: KEY });
t.teardown(() => fake.close());
const api = await startTestApi(t, { GOOGLE_MAPS_API_KEY: KEY, GOOGLE_MAPS_BASE_URL: fake.url });
const c = client(api.url);
const me = MeResponse.parse((await c.post('/api/auth/login', DEMO_OWNER)).body);
const restaurantId = me.restaurants[0]!.id;
const path = `/api/restaurants/${restaurantId}/delivery/check`;

t.test('the dashboard checks an address', async (t) => {
  const res = await c.post(path, { line1: '52 rue Sylvabelle', postcode: '13006', city: 'Marseille' });
  t.equal(res.status, 200);
  const r = DeliveryCheckResult.parse(res.body);
  t.equal(r.deliverable, true);
  t.equal(r.summary, '1,7 km, environ 40 minutes');
  t.equal(r.zone?.feeCents, 350);
  t.equal(fake.count('/maps/api/geocode/json'), 1, 'the API used the configured Google base URL');
});

t.test('a malformed body is refused with the bad fields named', async (t) => {
  const res = await c.post<ErrorBody>(path, { line1: '', postcode: 'Marseille', coordinates: { lat: 123, lng: 5 } });
  t.equal(res.status, 400);
  t.equal(res.body.error.code, 'validation_failed');
  const fields = (res.body.error.details as { fields: { path: string }[] }).fields.map((f) => f.path);
  for (const f of ['line1', 'postcode', 'city', 'coordinates.lat']) t.ok(fields.includes(f), `${f} is named`);

  const both = await c.post<ErrorBody>(path, {
    line1: '1 rue X', postcode: '13002', city: 'Marseille', customerAddressId: 'abc', coordinates: { lat: 43.3, lng: 5.37 },
  });
  t.equal(both.status, 400, 'a saved address and a point at once is ambiguous');
});

t.test("another restaurant's check answers 404", async (t) => {
  const other = await api.db.prisma.restaurant.create({ data: {
    slug: 'ailleurs', name: 'Ailleurs', addressLine1: '1 quai du Port', postcode: '13002', city: 'Marseille',
  } });
  const res = await c.post<ErrorBody>(`/api/restaurants/${other.id}/delivery/check`, { line1: '3 rue Colbert', postcode: '13001', city: 'Marseille' });
  t.equal(res.status, 404);
  t.equal(res.body.error.code, 'not_found');

  const unknownAddress = await c.post<ErrorBody>(path, { line1: '3 rue Colbert', postcode: '13001', city: 'Marseille', customerAddressId: 'nope' });
  t.equal(unknownAddress.status, 404);
  t.equal(unknownAddress.body.error.message, "Cette adresse client n'existe pas");
});

t.test('without a login the check is refused', async (t) => {
  const res = await client(api.url).post(path, { line1: '3 rue Colbert', postcode: '13001', city: 'Marseille' });
  t.equal(res.status, 401);
});
