// Controllers' heartbeats and the admin's voice servers list, on the real API and PostgreSQL.
import t from 'tap';
import { startTestApi, client } from '../helpers/test-api.ts';
import { createServiceToken } from '../helpers/tokens.ts';
import { loginAs } from '../operations/helpers.ts';
import { DEMO_ADMIN, DEMO_OWNER, DEMO_SLUG } from '../../src/seed/demo-seed.ts';
import { VoiceServersResponse, type ControllerHeartbeatRequest } from '../../src/contract/index.ts';
import { serverStatus } from '../../src/services/operations/voice-server-service.ts';

t.test('serverStatus: stale after three missed beats of its own period; degraded without ARI', async (t) => {
  const at = new Date('2026-11-21T12:00:00Z');
  const seen = (msAgo: number, intervalMs = 15_000, ariConnected = true) => serverStatus({ lastSeenAt: new Date(at.getTime() - msAgo), intervalMs, ariConnected }, at);
  t.equal(seen(0), 'up');
  t.equal(seen(45_000), 'up', 'exactly three beats late is not yet stale');
  t.equal(seen(45_001), 'stale');
  t.equal(seen(2_500, 1_000), 'up');
  t.equal(seen(3_500, 1_000), 'stale', 'a faster controller goes stale sooner');
  t.equal(seen(0, 15_000, false), 'degraded');
  t.equal(seen(60_000, 15_000, false), 'stale');
});

t.test('heartbeats in, voice servers out', async (t) => {
  const api = await startTestApi(t);
  const prisma = api.db.prisma;
  const { c: admin } = await loginAs(api, DEMO_ADMIN);
  const { c: owner } = await loginAs(api, DEMO_OWNER);
  const controller = client(api.url, { bearer: await createServiceToken(prisma, null, 'controller') });
  const demo = await prisma.restaurant.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
  const beat = (over: Partial<ControllerHeartbeatRequest> = {}) => controller.post('/api/agent/controllers/heartbeat', {
    controllerId: 'voice-1:4242', hostname: 'voice-1', version: '0.1.0', startedAt: '2026-11-21T08:00:00.000Z', ariConnected: true,
    asterisk: { version: '22.1.0', uptimeSeconds: 7200 }, activeCalls: 2, maxCalls: 200, intervalMs: 15_000, ...over,
  });
  const list = async () => VoiceServersResponse.parse((await admin.get('/api/admin/voice-servers')).body);

  await t.test('a beat is stored; the next one replaces it', async (t) => {
    t.equal((await beat()).status, 200);
    t.equal((await beat({ activeCalls: 3 })).status, 200);
    const r = await list();
    t.equal(r.servers.length, 1);
    t.equal(r.servers[0]?.activeCalls, 3);
    t.equal(r.servers[0]?.status, 'up');
    t.same(r.servers[0]?.asterisk, { version: '22.1.0', uptimeSeconds: 7200 });
    t.equal(r.activeCalls, 3);
  });

  await t.test('without ARI no Asterisk figures are kept, and the server shows degraded', async (t) => {
    await beat({ controllerId: 'voice-2:1', hostname: 'voice-2', ariConnected: false, activeCalls: 0 });
    const s = (await list()).servers.find((x) => x.controllerId === 'voice-2:1');
    t.equal(s?.status, 'degraded');
    t.equal(s?.asterisk, null);
  });

  await t.test('calls in progress per restaurant come from the call log', async (t) => {
    await prisma.call.deleteMany({ where: { endedAt: null } });
    await prisma.call.createMany({ data: [
      { restaurantId: demo.id, channelId: 'live-1', startedAt: new Date(Date.now() - 60_000) },
      { restaurantId: demo.id, channelId: 'live-2', startedAt: new Date(Date.now() - 5_000) },
      { restaurantId: demo.id, channelId: 'ended', startedAt: new Date(Date.now() - 60_000), endedAt: new Date() },
      // No end after a day: a lost end, not a call in progress.
      { restaurantId: demo.id, channelId: 'lost', startedAt: new Date(Date.now() - 24 * 3600_000) },
    ] });
    t.same((await list()).restaurants, [{ restaurantId: demo.id, name: demo.name, activeCalls: 2 }]);
  });

  await t.test('only controller tokens beat; only platform admins read', async (t) => {
    const cli = client(api.url, { bearer: await createServiceToken(prisma, null, 'cli') });
    t.equal((await cli.post('/api/agent/controllers/heartbeat', {})).status, 400, 'the body is checked first');
    t.equal((await cli.post('/api/agent/controllers/heartbeat', {
      controllerId: 'x', hostname: 'x', version: '1', startedAt: new Date().toISOString(), ariConnected: false, asterisk: null,
      activeCalls: 0, maxCalls: 0, intervalMs: 15_000,
    })).status, 403);
    t.equal((await owner.post('/api/agent/controllers/heartbeat', {})).status, 403, 'a dashboard login is not a controller');
    t.equal((await owner.get('/api/admin/voice-servers')).status, 403);
  });
});
