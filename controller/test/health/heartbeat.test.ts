// The controller's heartbeat against the real API (and PostgreSQL): beats land
// on the admin's voice servers list, Asterisk's figures come from ARI's
// /asterisk/info through the real ari-client (on the fake Asterisk), and an
// API outage is logged once, then recovered from.
import t from 'tap';
import Ari from 'ari-client';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { startTestApi, client } from '../../../api/test/helpers/test-api.ts';
import { createServiceToken } from '../../../api/test/helpers/tokens.ts';
import { DEMO_ADMIN } from '../../../api/src/seed/demo-seed.ts';
import { VoiceServersResponse } from '../../../api/src/contract/index.ts';
import { agentApi } from '../../src/api/agent-api.ts';
import { asteriskFromAriInfo, startHeartbeat, type HeartbeatSnapshot } from '../../src/health/heartbeat.ts';
import { FakeAri } from '../fakes/ari/server.ts';
import { FAKE_ASTERISK_VERSION } from '../fakes/ari/routes-asterisk.ts';

// ari-client never rejects on some server faults: its connect is guarded.
const CONNECT_TIMEOUT_MS = 5000;
// The API takes beats of 1 s or more (a faster one would only load the database).
const BEAT_MS = 1000;

/** Polls an async condition (the API is asked over HTTP) until it holds. */
async function until(predicate: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function memoryLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, new Writable({ write(chunk: Buffer, _e, cb) { lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string }); cb(); } }));
  return { log, lines };
}

t.test('asteriskFromAriInfo reads the version and the uptime, and refuses a shape it does not know', async (t) => {
  const now = new Date('2026-11-21T12:00:00Z');
  t.same(asteriskFromAriInfo({ system: { version: '22.1.0' }, status: { startup_time: '2026-11-21T11:00:00.000+0000' } }, now), { version: '22.1.0', uptimeSeconds: 3600 });
  t.equal(asteriskFromAriInfo({ system: {} }, now), null);
  t.equal(asteriskFromAriInfo(null, now), null);
});

t.test('heartbeats reach the API and the admin sees the voice server', async (t) => {
  const api = await startTestApi(t);
  const fake = await FakeAri.start();
  t.teardown(() => fake.close());
  const ari = await Promise.race([
    Ari.connect(fake.url, fake.username, fake.password),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('ari-client connect timed out')), CONNECT_TIMEOUT_MS)),
  ]);
  const admin = client(api.url);
  await admin.post('/api/auth/login', DEMO_ADMIN);
  const servers = async () => VoiceServersResponse.parse((await admin.get('/api/admin/voice-servers')).body);

  let calls = 3;
  const snapshot = async (): Promise<HeartbeatSnapshot> => ({
    ariConnected: true, asterisk: asteriskFromAriInfo(await ari.asterisk.getInfo(), new Date()), activeCalls: calls, maxCalls: 100,
  });
  const { log } = memoryLog();
  const token = await createServiceToken(api.db.prisma, null, 'controller');
  const beat = startHeartbeat({ api: agentApi(api.url, token), intervalMs: BEAT_MS, snapshot, identity: { controllerId: 'ctl-test-1', hostname: 'voice-1' }, log });
  t.teardown(() => beat.stop());

  await t.test('the first beat is sent at once, with ARI and Asterisk figures', async (t) => {
    await until(async () => (await servers()).servers.length === 1, 5000);
    const s = (await servers()).servers[0]!;
    t.equal(s.controllerId, 'ctl-test-1');
    t.equal(s.hostname, 'voice-1');
    t.equal(s.status, 'up');
    t.equal(s.asterisk?.version, FAKE_ASTERISK_VERSION, "Asterisk's version as ARI tells it");
    t.equal(s.intervalMs, BEAT_MS);
    t.match(s.version, /^\d+\.\d+\.\d+/);
  });

  await t.test('later beats carry the new call count', async (t) => {
    calls = 7;
    await until(async () => (await servers()).activeCalls === 7, 5000);
    t.pass('the total follows the controller');
  });

  await t.test('stopped, it goes stale after three missed beats', async (t) => {
    await beat.stop();
    await until(async () => (await servers()).servers[0]?.status === 'stale', 8000);
    t.equal((await servers()).activeCalls, 0, "a stale controller's calls are not counted");
  });
});

t.test('an API outage is logged once, and the beat resumes when the API is back', async (t) => {
  const api = await startTestApi(t);
  const token = await createServiceToken(api.db.prisma, null, 'controller');
  const { log, lines } = memoryLog();
  let up = false;
  const real = agentApi(api.url, token);
  const flaky = { heartbeat: (b: Parameters<typeof real.heartbeat>[0]) => (up ? real.heartbeat(b) : agentApi('http://127.0.0.1:9', token).heartbeat(b)) };
  const beat = startHeartbeat({
    api: flaky, intervalMs: BEAT_MS, log, identity: { controllerId: 'ctl-test-2' },
    snapshot: () => ({ ariConnected: false, asterisk: null, activeCalls: 0, maxCalls: 10 }),
  });
  t.teardown(() => beat.stop());
  await until(() => lines.filter((l) => /heartbeat failed/.test(l.msg)).length >= 1, 5000);
  await new Promise((r) => setTimeout(r, BEAT_MS * 2.5));
  t.equal(lines.filter((l) => /heartbeat failed/.test(l.msg)).length, 1, 'one warning for the whole outage');
  up = true;
  await until(() => lines.some((l) => /hears us again/.test(l.msg)), 5000);
  const row = await api.db.prisma.controllerHeartbeat.findUnique({ where: { controllerId: 'ctl-test-2' } });
  t.equal(row?.ariConnected, false);
  t.equal(row?.asteriskVersion, null);
});

t.test('only controller tokens may beat', async (t) => {
  const api = await startTestApi(t);
  const cli = await createServiceToken(api.db.prisma, null, 'cli');
  await t.rejects(agentApi(api.url, cli).heartbeat({
    controllerId: 'x', hostname: 'h', version: '1.0.0', startedAt: new Date().toISOString(), ariConnected: false, asterisk: null,
    activeCalls: 0, maxCalls: 1, intervalMs: 15000,
  }), /403/);
});
