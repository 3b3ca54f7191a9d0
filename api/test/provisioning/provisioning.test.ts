import t from 'tap';
import { startTestApi, client } from '../helpers/test-api.ts';
import { createServiceToken } from '../helpers/tokens.ts';
import { DEMO_ADMIN, DEMO_OWNER, DEMO_SLUG } from '../../src/seed/demo-seed.ts';
import { sha256 } from '../../src/services/auth-service.ts';
import type { ApiTokenCreated, ApiTokenPage, AsteriskProvisioning, PhoneLineList, PhoneLineView, ProvisioningRestaurantList } from '../../src/contract/index.ts';

t.test('provisioning for Asterisk and the CLI', async (t) => {
  const api = await startTestApi(t);
  const prisma = api.db.prisma;
  const demoId = api.seeded?.restaurantId ?? '';
  const other = await prisma.restaurant.create({
    data: { slug: 'chez-autre', name: 'Chez Autre', addressLine1: '1 rue', postcode: '75001', city: 'Paris', callHandlingMode: 'staff_first' },
  });
  await prisma.phoneLine.create({
    data: { restaurantId: other.id, did: '+33100000000', kind: 'ovh_trunk', endpointName: 'autre-trunk', sipUsername: 'u', sipSecretEnc: api.secretBox.seal('autre-secret') },
  });
  await prisma.phoneLine.create({ data: { restaurantId: other.id, did: '+33100000009', kind: 'ht841_port', endpointName: 'autre-off', port: 2, enabled: false } });
  await prisma.closure.create({ data: { restaurantId: other.id, startDate: '2001-01-01', endDate: '2001-01-02' } });
  const platformCli = await createServiceToken(prisma, null, 'cli');

  await t.test('a platform cli token gets every enabled line, sorted by DID, with the SIP secret decrypted', async (t) => {
    const res = await client(api.url, { bearer: platformCli }).get<AsteriskProvisioning>('/api/provisioning/asterisk');
    t.equal(res.status, 200);
    t.same(res.body.lines.map((l) => l.did), ['+33100000000', '+33491000000', '+33491000001'], 'disabled lines are left out');
    t.equal(res.body.lines.find((l) => l.did === '+33491000000')?.sipSecret, 'demo-sip-secret');
    t.equal(res.body.lines.find((l) => l.did === '+33491000001')?.sipSecret, null, 'an HT841 port has no secret');
    t.same(res.body.restaurants.map((r) => r.slug), ['chez-autre', DEMO_SLUG].sort());
    const demo = res.body.restaurants.find((r) => r.id === demoId);
    t.equal(demo?.callHandlingMode, 'ai_all');
    t.equal(demo?.timeZone, 'Europe/Paris');
    t.same(demo?.openingHours[0], { weekday: 2, opensAt: '11:30', closesAt: '14:30' });
    t.equal(demo?.transferTarget, 'ht841-fxs-1');
    t.equal(demo?.closures.length, 1, "the demo's coming Christmas closure is there");
    t.same(res.body.restaurants.find((r) => r.slug === 'chez-autre')?.closures, [], 'a past closure is left out (GotoIfTime has no year)');
  });

  await t.test('a restaurant-scoped token sees only its own lines', async (t) => {
    const scoped = await createServiceToken(prisma, other.id, 'controller');
    const c = client(api.url, { bearer: scoped });
    const res = await c.get<AsteriskProvisioning>('/api/provisioning/asterisk');
    t.same(res.body.lines.map((l) => l.did), ['+33100000000']);
    t.same(res.body.restaurants.map((r) => r.slug), ['chez-autre']);
    const list = await c.get<ProvisioningRestaurantList>('/api/provisioning/restaurants');
    t.same(list.body.items.map((r) => r.slug), ['chez-autre']);
    t.equal((await c.get(`/api/provisioning/restaurants/${demoId}/phone-lines`)).status, 404, 'another restaurant is refused, as if it did not exist');
  });

  await t.test('SIP secrets are refused to integration tokens, dashboard users and anonymous callers', async (t) => {
    const integration = 'vo_integration-test-token';
    await prisma.apiToken.create({ data: { name: 'zapier', kind: 'integration', tokenHash: sha256(integration), prefix: integration.slice(0, 8) } });
    t.equal((await client(api.url, { bearer: integration }).get('/api/provisioning/asterisk')).status, 403);
    const owner = client(api.url);
    await owner.post('/api/auth/login', DEMO_OWNER);
    t.equal((await owner.get('/api/provisioning/asterisk')).status, 403);
    t.equal((await client(api.url).get('/api/provisioning/asterisk')).status, 401);
  });

  await t.test('the CLI adds, lists and removes lines; a controller token may only read them', async (t) => {
    const c = client(api.url, { bearer: platformCli });
    const path = `/api/provisioning/restaurants/${demoId}/phone-lines`;
    const added = await c.post<PhoneLineView>(path, { did: '04 91 00 00 02', kind: 'ht841_port', endpointName: 'ht841-fxo-2', port: 2 });
    t.equal(added.status, 201);
    t.equal(added.body.did, '+33491000002', 'the number is stored in E.164');
    t.equal((await c.post(path, { did: '+33491000002', kind: 'ht841_port', endpointName: 'x-2' })).status, 409);
    const listed = await c.get<PhoneLineList>(path);
    t.ok(listed.body.items.some((l) => l.endpointName === 'ht841-fxo-2'));
    t.notOk(JSON.stringify(listed.body).includes('demo-sip-secret'), 'the list never carries a secret');
    const controller = client(api.url, { bearer: await createServiceToken(prisma, null, 'controller') });
    t.equal((await controller.get(path)).status, 200);
    t.equal((await controller.del(`${path}/${added.body.id}`)).status, 403);
    t.equal((await c.del(`${path}/${added.body.id}`)).status, 204);
    t.equal((await c.del(`${path}/${added.body.id}`)).status, 404);
  });

  await t.test('an administrator creates a token, sees it once, and revokes it', async (t) => {
    const admin = client(api.url);
    await admin.post('/api/auth/login', DEMO_ADMIN);
    const created = await admin.post<ApiTokenCreated>('/api/admin/api-tokens', { name: 'controller vps-1', kind: 'controller' });
    t.equal(created.status, 201);
    t.match(created.body.token, /^vo_[A-Za-z0-9_-]{40,}$/);
    t.equal(created.body.restaurantId, null);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    t.equal(row.tokenHash, sha256(created.body.token), 'only the hash is stored');
    const page = await admin.get<ApiTokenPage>('/api/admin/api-tokens');
    t.ok(page.body.items.some((i) => i.id === created.body.id));
    t.notOk(JSON.stringify(page.body).includes(created.body.token), 'the list never shows the token');
    t.equal((await admin.del(`/api/admin/api-tokens/${created.body.id}`)).status, 204);
    const after = await client(api.url, { bearer: created.body.token }).get('/api/provisioning/asterisk');
    t.equal(after.status, 401, 'a revoked token no longer opens anything');
    t.equal((await client(api.url).post('/api/admin/api-tokens', { name: 'x', kind: 'cli' })).status, 401);
  });

  await t.test("an owner manages only their restaurant's tokens", async (t) => {
    const owner = client(api.url);
    await owner.post('/api/auth/login', DEMO_OWNER);
    const created = await owner.post<ApiTokenCreated>(`/api/restaurants/${demoId}/api-tokens`, { name: 'cli laptop', kind: 'cli' });
    t.equal(created.status, 201);
    t.equal(created.body.restaurantId, demoId);
    const res = await client(api.url, { bearer: created.body.token }).get<AsteriskProvisioning>('/api/provisioning/asterisk');
    t.same(res.body.lines.map((l) => l.did), ['+33491000000', '+33491000001']);
    const page = await owner.get<ApiTokenPage>(`/api/restaurants/${demoId}/api-tokens`);
    t.ok(page.body.items.every((i) => i.restaurantId === demoId), 'no platform-wide token is listed');
    t.equal((await owner.get(`/api/restaurants/${other.id}/api-tokens`)).status, 404);
    const platform = await prisma.apiToken.findFirstOrThrow({ where: { restaurantId: null } });
    t.equal((await owner.del(`/api/restaurants/${demoId}/api-tokens/${platform.id}`)).status, 404, 'a platform token cannot be revoked by an owner');
    t.equal((await owner.post(`/api/restaurants/${demoId}/api-tokens`, { name: 'old', kind: 'cli', expiresAt: '2000-01-01T00:00:00Z' })).status, 400);
  });
});
