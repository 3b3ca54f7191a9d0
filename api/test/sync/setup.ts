// One API with the sync runtime on real PostgreSQL and Redis, both fake
// platforms, and the demo restaurant connected to them.
import type { Test } from 'tap';
import { startTestApi, client } from '../helpers/test-api.ts';
import { DEMO_OWNER } from '../../src/seed/demo-seed.ts';
import { startFakeZenchef } from '../fakes/zenchef-server.ts';
import { startFakeTheFork } from '../fakes/thefork-server.ts';

export const ZENCHEF = { token: 'zc-token-123', restaurantId: 'zc-rest-42', webhookSecret: 'zenchef-hmac-secret-0123456789' };
export const THEFORK = { clientId: 'tf-client', clientSecret: 'tf-secret', restaurantUuid: 'tf-rest-uuid', webhookToken: 'thefork-url-token-0123456789' };

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

export async function startSyncWorld(t: Test, name: string, opts: { redisUrl?: string; platforms?: Array<'zenchef' | 'thefork'>; env?: Record<string, string> } = {}) {
  const zenchef = startFakeZenchef(ZENCHEF);
  const thefork = startFakeTheFork(THEFORK);
  const [zcUrl, tfUrl] = await Promise.all([zenchef.listen(), thefork.listen()]);
  t.teardown(() => Promise.all([zenchef.close(), thefork.close()]));
  const api = await startTestApi(t, {
    REDIS_URL: opts.redisUrl ?? 'redis://127.0.0.1:6379',
    // Files never share queues.
    SYNC_QUEUE_PREFIX: `vo-test-${name}-${process.pid}-${Date.now()}`,
    ZENCHEF_BASE_URL: zcUrl, THEFORK_BASE_URL: `${tfUrl}/manager`, THEFORK_AUTH_URL: tfUrl,
    SYNC_DISPATCH_INTERVAL_MS: '50', SYNC_HTTP_TIMEOUT_MS: '400', SYNC_BACKOFF_BASE_MS: '40',
    SYNC_MAX_ATTEMPTS: '8', SYNC_POLL_INTERVAL_MS: '3600000', SYNC_AVAILABILITY_INTERVAL_MS: '3600000',
    ...opts.env,
  });
  const c = client(api.url);
  const login = await c.post<{ restaurants: Array<{ id: string }> }>('/api/auth/login', DEMO_OWNER);
  const rid = login.body.restaurants[0]!.id;
  for (const p of opts.platforms ?? ['zenchef']) {
    const r = p === 'zenchef'
      ? await c.put(`/api/restaurants/${rid}/sync/platforms/zenchef`, { externalRestaurantId: ZENCHEF.restaurantId, credentials: { authToken: ZENCHEF.token }, webhookSecret: ZENCHEF.webhookSecret })
      : await c.put(`/api/restaurants/${rid}/sync/platforms/thefork`, { externalRestaurantId: THEFORK.restaurantUuid, credentials: { clientId: THEFORK.clientId, clientSecret: THEFORK.clientSecret }, webhookSecret: THEFORK.webhookToken });
    if (r.status !== 200) throw new Error(`connect ${p}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { api, c, rid, zenchef, thefork, prisma: api.db.prisma };
}

export const book = (c: ReturnType<typeof client>, rid: string, date: string, time: string, key: string, partySize = 2) =>
  c.post<{ id: string; status: string }>(`/api/restaurants/${rid}/reservations`, {
    at: { date, time }, partySize, customer: { name: `Client ${key}`, phone: '06 12 34 56 78' }, idempotencyKey: `sync-test-${key}`, source: 'phone_staff',
  });
