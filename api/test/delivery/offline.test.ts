// Without Google (no key): the demo restaurant's real zones, saved customer
// coordinates, and a polygon zone drawn here.
import t from 'tap';
import { startTestApi } from '../helpers/test-api.ts';
import { createDeliveryService } from '../../src/delivery/index.ts';
import { DeliveryCheckResult, type DeliveryCheckRequest } from '../../src/contract/delivery.ts';

const api = await startTestApi(t);
const restaurantId = api.seeded!.restaurantId;
const prisma = api.db.prisma;
const delivery = createDeliveryService({
  db: api.db, log: api.log,
  config: { googleMapsApiKey: undefined, googleMapsBaseUrl: undefined, openaiApiKey: undefined, controllerUrl: 'http://127.0.0.1:1' },
});
const check = async (input: DeliveryCheckRequest, rid = restaurantId) =>
  DeliveryCheckResult.parse(await delivery.checkDeliveryAddress(rid, input, new Date()));

// L'Estaque, north of the city: beyond the 5 km radius and the postcode zones.
const ESTAQUE = { type: 'Polygon', coordinates: [[[5.30, 43.355], [5.33, 43.355], [5.33, 43.372], [5.30, 43.372], [5.30, 43.355]]] };
const IN_ESTAQUE = { lat: 43.363, lng: 5.313 };

t.test('no key at all: a postcode in a zone is deliverable, to be confirmed', async (t) => {
  const r = await check({ line1: '3 rue Colbert', postcode: '13001', city: 'Marseille' });
  t.equal(r.deliverable, true);
  t.equal(r.source, 'offline');
  t.equal(r.upstreamError, undefined, 'no key is not an outage');
  t.match(r.zone, { name: 'Centre (13001, 13002)', feeCents: 250, minOrderCents: 1500, freeAboveCents: 3500, etaMinutes: 30 });
  t.equal(r.address.quality, 'postcode_only');
  t.equal(r.needsConfirmation, true);
  t.ok(r.confirmationHint);
  t.equal(r.distanceM, null);
  t.equal(r.etaMinutes, 30);
  t.equal(r.summary, 'environ 30 minutes');

  const second = await check({ line1: '10 cours Julien', postcode: '13006', city: 'Marseille' });
  t.match(second.zone, { name: 'Proche (13003, 13006, 13007)', feeCents: 350 });
});

t.test('a postcode outside the postcode zones cannot be confirmed without coordinates', async (t) => {
  const r = await check({ line1: '20 boulevard Baille', postcode: '13005', city: 'Marseille' });
  t.equal(r.deliverable, false);
  t.equal(r.reason, 'out_of_zone');
  t.equal(r.needsConfirmation, true, 'the 5 km radius could not be checked');
});

t.test("a saved address's coordinates match the radius zone", async (t) => {
  const karim = await prisma.customer.findFirstOrThrow({ where: { restaurantId, phone: '+33612345678' } });
  const saved = await prisma.customerAddress.create({ data: {
    customerId: karim.id, label: 'Travail', line1: '20 boulevard Baille', postcode: '13005', city: 'Marseille',
    latitude: 43.2896, longitude: 5.3895, geocodeQuality: 'exact',
  } });
  const r = await check({ line1: '20 boulevard Baille', postcode: '13005', city: 'Marseille', customerAddressId: saved.id });
  t.equal(r.deliverable, true);
  t.match(r.zone, { name: 'Rayon 5 km', feeCents: 500, etaMinutes: 50 });
  t.equal(r.needsConfirmation, false, 'a saved exact address needs no confirmation');
  t.equal(r.source, 'saved');
  t.same([r.address.lat, r.address.lng], [43.2896, 5.3895]);
  t.ok(r.distanceM! > 2000 && r.distanceM! < 2500, `straight line × 1.3 ≈ 2.2 km (${r.distanceM})`);
  t.equal(r.etaMinutes, 50);
  t.match(r.summary, /^2,\d km, environ 50 minutes$/);

  const home = await prisma.customerAddress.findFirstOrThrow({ where: { customerId: karim.id, line1: '25 rue de la Loge' } });
  const loge = await check({ line1: home.line1, postcode: home.postcode, city: home.city, customerAddressId: home.id });
  t.match(loge.zone, { name: 'Centre (13001, 13002)' }, 'inside the radius too, but the centre zone comes first');
});

t.test("another restaurant's customer address is not found", async (t) => {
  const other = await prisma.restaurant.create({ data: {
    slug: 'autre-offline', name: 'Autre', addressLine1: '1 quai du Port', postcode: '13002', city: 'Marseille',
    customers: { create: { phone: '+33699999999', addresses: { create: { line1: '1 rue X', postcode: '13002', city: 'Marseille', latitude: 43.3, longitude: 5.37 } } } },
  }, include: { customers: { include: { addresses: true } } } });
  const foreign = other.customers[0]!.addresses[0]!;
  await t.rejects(check({ line1: '1 rue X', postcode: '13002', city: 'Marseille', customerAddressId: foreign.id }),
    { name: 'AppError', code: 'not_found' });
});

t.test('a polygon zone: inside, outside, and priority', async (t) => {
  const estaque = await prisma.deliveryZone.create({ data: {
    restaurantId, name: "L'Estaque", kind: 'polygon', polygon: ESTAQUE, feeCents: 700, minOrderCents: 3000, etaMinutes: 45, priority: 3,
  } });
  t.teardown(() => prisma.deliveryZone.delete({ where: { id: estaque.id } }).then(() => undefined));

  const inside = await check({ line1: '12 plage de l’Estaque', postcode: '13016', city: 'Marseille', coordinates: IN_ESTAQUE });
  t.equal(inside.deliverable, true);
  t.match(inside.zone, { name: "L'Estaque", feeCents: 700 });
  t.equal(inside.address.quality, 'manual', 'a point given by the dashboard');
  t.equal(inside.needsConfirmation, false);
  t.ok(inside.etaMinutes! >= 45);

  const outside = await check({ line1: 'chemin du Littoral', postcode: '13016', city: 'Marseille', coordinates: { lat: 43.40, lng: 5.25 } });
  t.equal(outside.deliverable, false);
  t.equal(outside.reason, 'out_of_zone');

  // Inside the centre postcode and the polygon at once: the lower priority wins.
  const both = { line1: '1 quai du Port', postcode: '13002', city: 'Marseille', coordinates: { lat: 43.2965, lng: 5.3698 } };
  await prisma.deliveryZone.update({ where: { id: estaque.id }, data: { polygon: { type: 'Polygon', coordinates: [[[5.36, 43.29], [5.38, 43.29], [5.38, 43.30], [5.36, 43.30], [5.36, 43.29]]] } } });
  t.match((await check(both)).zone, { name: 'Centre (13001, 13002)' }, 'priority 0 beats priority 3');
  await prisma.deliveryZone.update({ where: { id: estaque.id }, data: { priority: -1 } });
  t.match((await check(both)).zone, { name: "L'Estaque" }, 'priority -1 beats priority 0');
  await prisma.deliveryZone.update({ where: { id: estaque.id }, data: { active: false } });
  t.match((await check(both)).zone, { name: 'Centre (13001, 13002)' }, 'an inactive zone is skipped');
});

t.test('a restaurant that does not deliver says so', async (t) => {
  await prisma.restaurant.update({ where: { id: restaurantId }, data: { acceptsDelivery: false } });
  t.teardown(() => prisma.restaurant.update({ where: { id: restaurantId }, data: { acceptsDelivery: true } }).then(() => undefined));
  const r = await check({ line1: '3 rue Colbert', postcode: '13001', city: 'Marseille' });
  t.equal(r.deliverable, false);
  t.equal(r.reason, 'delivery_disabled');
  t.equal(r.needsConfirmation, false);
});
