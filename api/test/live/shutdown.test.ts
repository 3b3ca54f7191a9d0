import t from 'tap';
import { startTestApi, client } from '../helpers/test-api.ts';
import { DEMO_OWNER } from '../../src/seed/demo-seed.ts';
import { openSse } from './sse-client.ts';

// server.ts must stop the hub (which ends SSE streams) before awaiting
// server.close(): until then close() waits out the 5 s grace period.
t.test('the API shuts down promptly while a dashboard is connected', async (t) => {
  const api = await startTestApi(t);
  const c = client(api.url);
  const login = await c.post<{ restaurants: { id: string }[] }>('/api/auth/login', DEMO_OWNER);
  const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const sse = await openSse(`${api.url}/api/restaurants/${login.body.restaurants[0]?.id}/events`, { cookie });
  t.teardown(() => sse.close());
  t.equal(sse.status, 200);

  const started = Date.now();
  await api.close();
  const took = Date.now() - started;
  t.ok(took < 2000, `closed in ${took} ms`);
  await sse.ended;
  t.pass('the stream was ended by the server');
});
