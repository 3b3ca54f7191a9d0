// The platform catalog for mapping (read live through the stored credentials,
// with French reasons when it fails), one-entry-per-entity mappings, and the
// batch of reservation badges the Réservations page asks for in one request.
import t from 'tap';
import { startSyncWorld, waitFor, book, ZENCHEF } from './setup.ts';
import { openDayAhead } from '../helpers/demo.ts';
import { createForeignRestaurant } from '../tenancy/foreign-restaurant.ts';
import type { ErrorBody, PlatformCatalogView, ReservationSyncBadge } from '../../src/contract/index.ts';

t.test('catalog and badges', async (t) => {
  const w = await startSyncWorld(t, 'catalog', { platforms: ['zenchef'] });
  const { c, rid, zenchef, prisma } = w;
  const catalogOf = (p: string) => c.get<PlatformCatalogView & ErrorBody>(`/api/restaurants/${rid}/sync/platforms/${p}/catalog`);

  await t.test("Zenchef's shifts, rooms and offers, read through the stored credentials", async (t) => {
    const r = await catalogOf('zenchef');
    t.equal(r.status, 200);
    t.same(r.body, {
      platform: 'zenchef',
      services: [{ externalId: '1', name: 'Déjeuner' }, { externalId: '2', name: 'Dîner' }],
      rooms: [{ externalId: '11', name: 'Salle' }, { externalId: '12', name: 'Terrasse' }],
      offers: [{ externalId: '7', name: 'Menu du marché' }],
    });
  });

  await t.test('failures answer with a French reason the dashboard can show', async (t) => {
    const notConnected = await catalogOf('thefork');
    t.equal(notConnected.status, 404);
    t.match(notConnected.body.error.message, /TheFork n'est pas connecté/);
    t.equal((await catalogOf('opentable')).status, 404, 'an unknown platform');

    zenchef.inject(/\/shifts$/, { kind: 'status', status: 503 });
    const down = await catalogOf('zenchef');
    t.equal(down.status, 502);
    t.match(down.body.error, { code: 'platform_unreachable', message: /Zenchef ne répond pas/ });

    zenchef.inject(/\/shifts$/, { kind: 'late', delayMs: 1500 });
    const slow = await catalogOf('zenchef');
    t.equal(slow.status, 502, 'past the HTTP timeout');
    t.match(slow.body.error.message, /timeout/);

    zenchef.inject(/\/shifts$/, { kind: 'rate_limited', retryAfterS: 3 });
    const limited = await catalogOf('zenchef');
    t.equal(limited.status, 429);
    t.match(limited.body.error.message, /réessayez dans 3 s/);

    const wrong = await c.put(`/api/restaurants/${rid}/sync/platforms/zenchef`, { externalRestaurantId: ZENCHEF.restaurantId, credentials: { authToken: 'not-the-token' } });
    t.equal(wrong.status, 200);
    const refused = await catalogOf('zenchef');
    t.equal(refused.status, 502);
    t.match(refused.body.error.message, /Zenchef refuse les identifiants enregistrés/);
    await c.put(`/api/restaurants/${rid}/sync/platforms/zenchef`, { externalRestaurantId: ZENCHEF.restaurantId, credentials: { authToken: ZENCHEF.token } });
    t.equal((await catalogOf('zenchef')).status, 200, 'fine again with the right token');
  });

  await t.test('one platform entry per service of ours: choosing another replaces it', async (t) => {
    const service = await prisma.diningService.findFirstOrThrow({ where: { restaurantId: rid } });
    const map = (externalId: string) => c.put(`/api/restaurants/${rid}/sync/mappings`, { platform: 'zenchef', entityType: 'service', localId: service.id, externalId });
    t.equal((await map('1')).status, 200);
    t.equal((await map('2')).status, 200);
    const list = await c.get<Array<{ entityType: string; localId: string; externalId: string }>>(`/api/restaurants/${rid}/sync/mappings`);
    t.same(list.body.filter((m) => m.localId === service.id).map((m) => m.externalId), ['2']);
  });

  await t.test('the badges of a page in one request', async (t) => {
    const date = openDayAhead(new Date(), 3);
    const made = await Promise.all(['19:00', '19:15', '19:30'].map((time, i) => book(c, rid, date, time, `badge-${i}`)));
    const ids = made.map((m) => m.body.id);
    await waitFor('pushed', async () => (await prisma.syncOutbox.count({ where: { entityId: { in: ids }, status: 'done' } })) === 3);
    const before = zenchef.log.length;
    const r = await c.get<{ items: ReservationSyncBadge[] }>(`/api/restaurants/${rid}/sync/reservations?ids=${[...ids].reverse().join(',')}`);
    t.equal(r.status, 200);
    t.same(r.body.items.map((b) => b.reservationId), [...ids].reverse(), 'in the order asked');
    t.ok(r.body.items.every((b) => b.platforms.length === 1 && b.platforms[0]!.state === 'synced' && b.platforms[0]!.externalId), 'each synced with its Zenchef id');
    t.equal(zenchef.log.length, before, 'read from our outbox, not from the platform');
    const untouched = await c.post<{ id: string }>(`/api/restaurants/${rid}/reservations`, {
      at: { date, time: '19:45' }, partySize: 2, customer: { name: 'Sans synchro', phone: '0611111111' }, idempotencyKey: 'badge-none', source: 'phone_staff',
    });
    await prisma.syncOutbox.deleteMany({ where: { entityId: untouched.body.id } });
    const none = await c.get<{ items: ReservationSyncBadge[] }>(`/api/restaurants/${rid}/sync/reservations?ids=${untouched.body.id}`);
    t.same(none.body.items, [{ reservationId: untouched.body.id, platforms: [] }], 'a reservation never pushed has no platform');

    const foreign = await createForeignRestaurant(prisma);
    t.equal((await c.get(`/api/restaurants/${rid}/sync/reservations?ids=${ids[0]},${foreign.reservationId}`)).status, 404, "another restaurant's id: 404 for the lot");
    t.equal((await c.get(`/api/restaurants/${rid}/sync/reservations?ids=${ids[0]},nope`)).status, 404, 'an unknown id too');
    t.equal((await c.get(`/api/restaurants/${foreign.restaurantId}/sync/reservations?ids=${foreign.reservationId}`)).status, 404, "another restaurant's page");
    t.equal((await c.get(`/api/restaurants/${rid}/sync/reservations?ids=${Array.from({ length: 201 }, (_, i) => `id${i}`).join(',')}`)).status, 400, 'more than 200 at once');
    t.equal((await c.get(`/api/restaurants/${rid}/sync/reservations`)).status, 400, 'ids are required');
  });
});
