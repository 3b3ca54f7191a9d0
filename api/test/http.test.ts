import t from 'tap';
import { startTestApi, client } from './helpers/test-api.ts';
import { DEMO_OWNER, DEMO_SLUG } from '../src/seed/demo-seed.ts';
import { ErrorBody, HealthResponse, MeResponse, RestaurantOverview, RestaurantPublic } from '../src/contract/index.ts';
import { createApp, type AppDeps } from '../src/http/app.ts';
import { createSecretBox } from '../src/crypto/secret-box.ts';
import { createLiveHub } from '../src/live/hub.ts';
import { createLogger } from '../src/logger.ts';
import type { Database } from '../src/db/database.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

t.test('health checks the real database and Redis', async (t) => {
  const api = await startTestApi(t, { REDIS_URL });
  const c = client(api.url);
  // ioredis connects in the background; give it the moment it needs.
  await new Promise<void>((resolve) => (api.redis?.status === 'ready' ? resolve() : api.redis?.once('ready', () => resolve())));
  const res = await c.get('/health');
  t.equal(res.status, 200);
  const body = HealthResponse.parse(res.body);
  t.equal(body.status, 'ok');
  t.same(body.checks.database.ok, true);
  t.same(body.checks.redis?.ok, true);

  const metrics = await fetch(api.url + '/metrics').then((r) => r.text());
  t.match(metrics, /voiceorder_api_http_request_duration_seconds_bucket\{.*route="\/health"/);
});

t.test('health says degraded, not ok, when Redis is unreachable', async (t) => {
  const api = await startTestApi(t, { REDIS_URL: 'redis://127.0.0.1:1' });
  const res = await client(api.url).get<HealthResponse>('/health');
  t.equal(res.status, 200, 'the API still serves without Redis');
  t.equal(res.body.status, 'degraded');
  t.equal(res.body.checks.redis?.ok, false);
});

t.test('the demo restaurant is visible through the API', async (t) => {
  const api = await startTestApi(t);
  const c = client(api.url);
  const pub = await c.get(`/api/public/restaurants/${DEMO_SLUG}`);
  t.equal(pub.status, 200);
  const r = RestaurantPublic.parse(pub.body);
  t.equal(r.name, 'Pizzeria Bella');
  t.equal(r.timeZone, 'Europe/Paris');
  t.ok(r.openingHours.length > 0);

  const missing = await c.get<ErrorBody>('/api/public/restaurants/nowhere');
  t.equal(missing.status, 404);
  t.equal(missing.body.error.code, 'not_found');
});

t.test('login, the overview of today, and logout', async (t) => {
  const api = await startTestApi(t);
  const c = client(api.url);
  t.equal((await c.get('/api/auth/me')).status, 401, 'no session yet');

  const bad = await c.post<ErrorBody>('/api/auth/login', { email: DEMO_OWNER.email, password: 'wrong' });
  t.equal(bad.status, 401);
  t.equal(bad.body.error.message, 'Email ou mot de passe incorrect');
  const unknown = await c.post<ErrorBody>('/api/auth/login', { email: 'nobody@example.com', password: 'x' });
  t.same(unknown.body, bad.body, 'an unknown email looks exactly like a wrong password');

  const login = await c.post('/api/auth/login', { email: DEMO_OWNER.email.toUpperCase(), password: DEMO_OWNER.password });
  t.equal(login.status, 200, 'emails are case-insensitive');
  const me = MeResponse.parse(login.body);
  t.equal(me.restaurants.length, 1);
  t.equal(me.restaurants[0]?.role, 'owner');
  t.match(login.headers.get('set-cookie') ?? '', /vo_session=.*HttpOnly.*SameSite=Lax/i);

  const ov = await c.get(`/api/restaurants/${me.restaurants[0]!.id}/overview`);
  t.equal(ov.status, 200);
  const overview = RestaurantOverview.parse(ov.body);
  t.ok(overview.orders.length > 0, "today's demo orders are there");
  t.ok(overview.today.revenueCents > 0);

  const forged = client(api.url, { csrf: false });
  for (const [k, v] of c.jar) forged.jar.set(k, v);
  const refused = await forged.post<ErrorBody>('/api/auth/logout');
  t.equal(refused.status, 403, 'a write with the cookie but without the CSRF header is refused');
  t.match(refused.body.error.message, /X-CSRF-Token/);

  t.equal((await c.post('/api/auth/logout')).status, 204);
  t.equal((await c.get('/api/auth/me')).status, 401, 'the session is revoked on the server, not only forgotten');
});

t.test("a user never sees another restaurant's data", async (t) => {
  const api = await startTestApi(t);
  const other = await api.db.prisma.restaurant.create({
    data: { slug: 'autre', name: 'Autre', addressLine1: '1 rue', postcode: '75001', city: 'Paris' },
  });
  const c = client(api.url);
  await c.post('/api/auth/login', DEMO_OWNER);
  const res = await c.get<ErrorBody>(`/api/restaurants/${other.id}/overview`);
  t.equal(res.status, 404, 'it does not even learn that the restaurant exists');
  t.equal((await client(api.url).get(`/api/restaurants/${other.id}/overview`)).status, 401);
});

t.test('login is rate limited per account', async (t) => {
  const api = await startTestApi(t);
  const c = client(api.url);
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await c.post('/api/auth/login', { email: DEMO_OWNER.email, password: `guess-${i}` })).status);
  t.same(statuses.slice(0, 10), Array(10).fill(401));
  const limited = await c.post<ErrorBody>('/api/auth/login', DEMO_OWNER);
  t.equal(limited.status, 429, 'even the right password waits once the limit is reached');
  t.ok(Number(limited.headers.get('retry-after')) > 0, 'with a Retry-After header');
});

t.test('the OpenAPI document lists the routes with their schemas', async (t) => {
  const api = await startTestApi(t);
  const doc = (await client(api.url).get<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>('/api/openapi.json')).body;
  t.equal(doc.openapi, '3.0.3');
  t.ok(doc.paths['/api/auth/login']?.post?.requestBody, 'login documents its body');
  t.ok(doc.paths['/api/restaurants/{restaurantId}/overview']?.get);
});

t.test('bad input gets a 4xx that says why', async (t) => {
  const api = await startTestApi(t);
  const c = client(api.url);
  const malformed = await c.request<ErrorBody>('POST', '/api/auth/login', '{"email": ', {});
  t.equal(malformed.status, 400);
  t.equal(malformed.body.error.message, 'Malformed JSON body');

  const invalid = await c.post<ErrorBody>('/api/auth/login', { email: 'not-an-email' });
  t.equal(invalid.status, 400);
  t.equal(invalid.body.error.code, 'validation_failed');
  const fields = (invalid.body.error.details as { fields: Array<{ path: string }> }).fields.map((f) => f.path);
  t.same(fields.sort(), ['email', 'password']);

  const noRoute = await c.get<ErrorBody>('/api/nope');
  t.equal(noRoute.status, 404);
  t.match(noRoute.body.error.message, 'GET /nope');
});

t.test('a 500 never leaks internals', async (t) => {
  const broken = {
    kind: 'postgres',
    prisma: new Proxy({}, { get: () => { throw new Error('password=hunter2 at db.internal:5432'); } }),
    openRunner: () => { throw new Error('unused'); },
    close: async () => {},
  } as unknown as Database;
  const logged: string[] = [];
  const log = createLogger('error', { destination: { write: (line: string) => { logged.push(line); } } });
  const app = createApp({
    db: broken, redis: undefined, log, version: 't', sessionTtlMs: 1000, cookieSecure: false, dashboardDist: '/nonexistent',
    secretBox: createSecretBox(Buffer.alloc(32)), live: createLiveHub(broken, log), config: {},
  } as AppDeps);
  const server = app.listen(0, '127.0.0.1');
  t.teardown(() => server.close());
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_OWNER),
  });
  t.equal(res.status, 500);
  const text = await res.text();
  t.notMatch(text, /hunter2|db\.internal|stack/);
  t.same(JSON.parse(text), { error: { code: 'internal', message: 'Internal error. It has been logged.' } });
  t.match(logged.join('\n'), /hunter2/, 'the cause is in the log for the operator');
});
