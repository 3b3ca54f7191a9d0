// The production Google client, pointed by URL at a local stand-in for Google.
import t from 'tap';
import { startTestApi } from '../helpers/test-api.ts';
import { startFakeGoogleMaps } from '../fakes/google-maps-server.ts';
import { createDeliveryService } from '../../src/delivery/index.ts';
import { DeliveryCheckResult } from '../../src/contract/delivery.ts';

const KEY = 'test-maps-key';
const DAY_MS = 24 * 60 * 60 * 1000;

const api = await startTestApi(t);
const fake = await startFakeGoogleMaps({ apiKey: KEY });
t.teardown(() => fake.close());
const restaurantId = api.seeded!.restaurantId;
const prisma = api.db.prisma;

const serviceWithKey = (key: string | undefined) => createDeliveryService({
  db: api.db, log: api.log,
  config: { googleMapsApiKey: key, googleMapsBaseUrl: fake.url, openaiApiKey: undefined, controllerUrl: 'http://127.0.0.1:1' },
});
const delivery = serviceWithKey(KEY);
const check = async (line1: string, postcode: string, city = 'Marseille') =>
  DeliveryCheckResult.parse(await delivery.checkDeliveryAddress(restaurantId, { line1, postcode, city }, new Date()));

t.test('an exact address is deliverable, with the fee and a spoken ETA', async (t) => {
  const before = fake.requests.length;
  const r = await check('52 rue Sylvabelle', '13006');
  t.equal(r.deliverable, true);
  t.equal(r.needsConfirmation, false);
  t.equal(r.confirmationHint, undefined);
  t.equal(r.source, 'google');
  t.match(r.address, { line1: '52 Rue Sylvabelle', postcode: '13006', city: 'Marseille', quality: 'exact', placeId: 'ChIJ-fake-52-sylvabelle' });
  t.match(r.zone, { name: 'Proche (13003, 13006, 13007)', feeCents: 350, minOrderCents: 2000, freeAboveCents: 4500, etaMinutes: 40 });
  t.equal(r.distanceM, 1725, 'the road distance from the Distance Matrix');
  t.equal(r.durationS, 259);
  t.equal(r.etaMinutes, 40, 'the zone promise (40) beats 5 min of driving + 20 min of preparation');
  t.equal(r.summary, '1,7 km, environ 40 minutes');

  const [geo, dm] = fake.requests.slice(before);
  t.match(geo, { path: '/maps/api/geocode/json', params: { key: KEY, region: 'fr', language: 'fr', components: 'country:FR' } });
  t.match(geo?.params.address, /52 rue Sylvabelle, 13006 Marseille/);
  t.match(dm, { path: '/maps/api/distancematrix/json', params: { mode: 'driving', origins: '43.2985,5.37', destinations: '43.28816,5.37548' } });
});

t.test('an address without a street number needs confirmation', async (t) => {
  const r = await check('rue Paradis', '13006');
  t.equal(r.needsConfirmation, true);
  t.equal(r.confirmationHint, "Je n'ai pas trouvé le numéro de rue, pouvez-vous le confirmer ?");
  t.equal(r.address.quality, 'approximate');
  t.equal(r.deliverable, true, 'the street is in a delivered postcode all the same');
  const cached = await prisma.geocodeCache.findFirstOrThrow({ where: { placeId: 'ChIJ-fake-rue-paradis' } });
  t.ok(cached.expiresAt.getTime() - cached.createdAt.getTime() <= DAY_MS, 'an uncertain answer is kept one day only');
});

t.test('an address in Aix-en-Provence is out of the zones', async (t) => {
  const before = fake.count('/maps/api/distancematrix/json');
  const r = await check('8 cours Mirabeau', '13100', 'Aix-en-Provence');
  t.equal(r.deliverable, false);
  t.equal(r.reason, 'out_of_zone');
  t.equal(r.zone, null);
  t.equal(r.address.quality, 'exact');
  t.equal(fake.count('/maps/api/distancematrix/json'), before, 'no paid distance request for an address we do not deliver');
});

t.test('an unknown address is reported as not found and not cached', async (t) => {
  const r = await check('99 impasse Imaginaire', '13002');
  t.equal(r.deliverable, false);
  t.equal(r.reason, 'address_not_found');
  t.equal(r.needsConfirmation, true);
  t.equal(await prisma.geocodeCache.count({ where: { queryKey: { contains: 'imaginaire' } } }), 0);
});

t.test('the second check of an address is answered from the cache', async (t) => {
  const before = fake.count('/maps/api/geocode/json');
  const first = await check('12 rue de la République', '13002');
  const second = await check('  12 RUE DE LA REPUBLIQUE ', '13002', 'marseille');
  t.equal(fake.count('/maps/api/geocode/json') - before, 1, 'Google geocoded the address once');
  t.equal(first.source, 'google');
  t.equal(second.source, 'cache');
  t.same(second.address, first.address);
  t.match(second.zone, { name: 'Centre (13001, 13002)', feeCents: 250 });
  t.equal(second.summary, '100 m, environ 30 minutes');
  const row = await prisma.geocodeCache.findFirstOrThrow({ where: { provider: 'google', placeId: 'ChIJ-fake-12-republique' } });
  t.equal(row.queryKey, '12 rue de la republique, 13002 marseille, fr');
  t.ok(row.expiresAt.getTime() - row.createdAt.getTime() >= 29 * DAY_MS, 'an exact answer is kept a month');
});

t.test('a refused Google key falls back to the postcode', async (t) => {
  const denied = serviceWithKey('wrong-key');
  const before = fake.requests.length;
  const r = DeliveryCheckResult.parse(await denied.checkDeliveryAddress(
    restaurantId, { line1: '25 rue de la Loge', postcode: '13002', city: 'Marseille' }, new Date()));
  t.match(fake.requests.slice(before), [{ path: '/maps/api/geocode/json', params: { key: 'wrong-key' } }], 'Google was asked once, and refused');
  t.equal(r.upstreamError, 'upstream_unavailable');
  t.equal(r.source, 'offline');
  t.equal(r.deliverable, true);
  t.match(r.zone, { name: 'Centre (13001, 13002)' });
  t.equal(r.address.quality, 'postcode_only');
  t.equal(r.needsConfirmation, true, 'matched by postcode only');
  t.equal(r.summary, 'environ 30 minutes');
  t.equal(await prisma.geocodeCache.count({ where: { queryKey: { contains: 'loge' } } }), 0, 'a failure is not cached');
});

t.test('an unreachable Google also falls back', async (t) => {
  const down = createDeliveryService({
    db: api.db, log: api.log,
    config: { googleMapsApiKey: KEY, googleMapsBaseUrl: 'http://127.0.0.1:1', openaiApiKey: undefined, controllerUrl: 'http://127.0.0.1:1' },
  });
  const r = await down.checkDeliveryAddress(restaurantId, { line1: '3 rue Colbert', postcode: '13001', city: 'Marseille' }, new Date());
  t.equal(r.upstreamError, 'upstream_unavailable');
  t.equal(r.deliverable, true);
  t.equal(r.address.quality, 'postcode_only');
});
