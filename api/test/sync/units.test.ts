// Pure pieces: backoff with jitter and Retry-After, status maps, final statuses, TheFork token reuse.
import t from 'tap';
import { backoffDelay } from '../../src/sync/backoff.ts';
import { PlatformError } from '../../src/sync/types.ts';
import { mergeStatus, theforkStatus, ZENCHEF_TO_LOCAL, LOCAL_TO_ZENCHEF } from '../../src/sync/status-maps.ts';
import { theforkTokens } from '../../src/sync/connectors/thefork/token.ts';
import { startFakeTheFork } from '../fakes/thefork-server.ts';

t.test('backoff grows, jitters, and never undercuts Retry-After', async (t) => {
  const d = [1, 2, 3, 4, 5].map((n) => backoffDelay(n, 100, 60_000));
  d.forEach((ms, i) => t.ok(ms >= 50 * 2 ** i && ms <= 100 * 2 ** i, `attempt ${i + 1}: ${ms} ms`));
  t.ok(backoffDelay(1, 100, 60_000, new PlatformError('rate_limited', '429', { retryAfterMs: 5000 })) >= 5000);
  t.ok(backoffDelay(20, 100, 1000) <= 1000, 'capped');
});

t.test('status maps both ways; a final status is never reopened', async (t) => {
  t.equal(ZENCHEF_TO_LOCAL.no_shown, 'no_show');
  t.equal(ZENCHEF_TO_LOCAL.over, 'completed');
  t.equal(LOCAL_TO_ZENCHEF.cancelled, 'canceled');
  t.equal(theforkStatus('RECORDED', null), 'confirmed');
  t.equal(theforkStatus('RECORDED', 'SEATED'), 'seated');
  t.equal(theforkStatus('RECORDED', 'LEFT'), 'completed');
  t.equal(theforkStatus('REFUSED', null), 'cancelled');
  t.equal(theforkStatus('MYSTERY', null), undefined);
  t.equal(mergeStatus('cancelled', 'confirmed'), 'cancelled');
  t.equal(mergeStatus('no_show', 'seated'), 'no_show');
  t.equal(mergeStatus('pending', 'confirmed'), 'confirmed');
});

t.test('the TheFork token is asked once and reused until it expires', async (t) => {
  const fake = startFakeTheFork({ clientId: 'id', clientSecret: 'secret', restaurantUuid: 'r' });
  const url = await fake.listen();
  t.teardown(() => fake.close());
  let stored: { token: string; expiresAt: Date } | null = null;
  const settings = {
    externalRestaurantId: 'r', credentials: { clientId: 'id', clientSecret: 'secret' }, timeZone: 'Europe/Paris',
    baseUrls: { zenchef: url, thefork: url, theforkAuth: url }, timeoutMs: 1000,
    tokens: { get: async () => stored, set: async (token: string, expiresAt: Date) => { stored = { token, expiresAt }; } },
  };
  const a = theforkTokens(settings);
  const tokens = await Promise.all([a.token(), a.token(), a.token()]);
  t.equal(new Set(tokens).size, 1);
  t.equal(fake.tokenRequests, 1, 'concurrent callers share one request');
  t.ok(stored!.expiresAt.getTime() - Date.now() > 8000 * 1000, 'kept for its 8,600 s');
  t.equal(await theforkTokens(settings).token(), tokens[0], 'a new process reuses the stored token');
  t.equal(fake.tokenRequests, 1);
  stored = { token: stored!.token, expiresAt: new Date(Date.now() + 1000) };
  await theforkTokens(settings).token();
  t.equal(fake.tokenRequests, 2, 'renewed when about to expire');
});
