// Bug: editing a connected platform without retyping its secrets (which the
// dashboard never shows) erased the saved webhook secret and refused the save.
import t from 'tap';
import { startTestApi, client } from '../helpers/test-api.ts';
import { DEMO_OWNER } from '../../src/seed/demo-seed.ts';
import type { ErrorBody, MeResponse } from '../../src/contract/index.ts';

t.test('editing a platform keeps the secrets that were not retyped', async (t) => {
  const api = await startTestApi(t);
  const c = client(api.url);
  const rid = (await c.post<MeResponse>('/api/auth/login', DEMO_OWNER)).body.restaurants[0]!.id;
  const url = `/api/restaurants/${rid}/sync/platforms/zenchef`;
  const first = await c.put(url, { externalRestaurantId: 'z-42', credentials: { authToken: 'tok-secret-1' }, webhookSecret: 'hmac-secret-0123456789' });
  t.equal(first.status, 200);
  const edit = await c.put<{ hasWebhookSecret: boolean }>(url, { externalRestaurantId: 'z-43', credentials: {}, mastering: { reservation: 'platform' } });
  t.equal(edit.status, 200, 'the save is accepted without retyping the token');
  t.equal(edit.body.hasWebhookSecret, true, 'the webhook secret is still there');
  const row = await api.db.prisma.syncPlatformConfig.findFirstOrThrow({ where: { restaurantId: rid, platform: 'zenchef' } });
  t.same(JSON.parse(api.secretBox.open(row.credentialsEnc)), { authToken: 'tok-secret-1' });
  t.equal(row.externalRestaurantId, 'z-43');

  const fresh = await c.put<ErrorBody>(`/api/restaurants/${rid}/sync/platforms/thefork`, { externalRestaurantId: 'tf-1', credentials: { clientId: 'x' } });
  t.equal(fresh.status, 400);
  t.same((fresh.body.error.details as { fields: Array<{ path: string }> }).fields.map((f) => f.path), ['credentials.clientSecret'], 'the missing field is named like any validation error');
});
