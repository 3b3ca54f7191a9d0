// Call setup and barge-in timing through the real controller, against the
// ARI fake, the Realtime fake and the real API on PostgreSQL.
import { pino } from 'pino';
import { loadConfig } from '../../api/src/config.ts';
import { startApi } from '../../api/src/server.ts';
import { createLogger } from '../../api/src/logger.ts';
import { createTestDatabase } from '../../api/test/helpers/test-db.ts';
import { createServiceToken } from '../../api/test/helpers/tokens.ts';
import { FakeAri } from '../../controller/test/fakes/ari/server.ts';
import { FakeRealtimeServer, FAKE_REALTIME_API_KEY } from '../../controller/test/fakes/realtime/server.ts';
import { loadControllerConfig } from '../../controller/src/config.ts';
import { startCallController } from '../../controller/src/controller.ts';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

export async function benchCallSetup(calls: number) {
  const tdb = await createTestDatabase();
  const api = await startApi(loadConfig({ DATABASE_URL: tdb.url, PORT: '0', SEED_DEMO: 'true', SECRETS_KEY: Buffer.alloc(32, 5).toString('base64'), LOG_LEVEL: 'silent', DASHBOARD_DIST: '/nonexistent' }), { log: createLogger('silent') });
  const token = await createServiceToken(api.db.prisma, null);
  const greeted = new Map<number, number>();
  const spoke = new Map<number, number>();
  const bargeIns: number[] = [];
  let n = 0;
  const ari = await FakeAri.start();
  const realtime = await FakeRealtimeServer.start({
    scenario: async (rt) => {
      const i = n++;
      await rt.waitForSessionUpdate();
      await rt.waitForResponseCreate();
      greeted.set(i, performance.now());
      const reply = rt.reply({ audioMs: 3000, text: 'Bonjour' });
      await new Promise((r) => setTimeout(r, 400));
      spoke.set(i, performance.now());
      rt.speechStarted();
      await reply;
    },
  });
  const config = loadControllerConfig({
    ARI_URL: ari.url, ARI_USERNAME: ari.username, ARI_PASSWORD: ari.password, API_URL: api.url, API_TOKEN: token,
    OPENAI_API_KEY: FAKE_REALTIME_API_KEY, OPENAI_REALTIME_URL: realtime.url, RTP_PORT_MIN: '47000', RTP_PORT_MAX: '47099', CONTROLLER_HTTP_PORT: '0', LOG_LEVEL: 'silent',
  });
  const controller = await startCallController(config, pino({ level: 'silent' }));
  const setup: number[] = [];
  try {
    for (let i = 0; i <= calls; i++) {
      const t0 = performance.now();
      const channelId = ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
      while (!greeted.has(i)) await new Promise((r) => setTimeout(r, 2));
      // The first call warms the JIT and the caches: not counted.
      if (i > 0) setup.push(greeted.get(i)! - t0);
      // Barge-in: the last frame the caller got after speech_started, minus that moment.
      await new Promise((r) => setTimeout(r, 1200));
      const speechAt = spoke.get(i) ?? greeted.get(i)! + 400;
      const packets = ari.callerAudioReceived(channelId).packets;
      const last = packets.filter((p) => p.at < speechAt + 500).at(-1);
      if (last) bargeIns.push(Math.max(0, last.at - speechAt));
      ari.callerHangsUp(channelId);
    }
  } finally {
    await controller.stop(0);
    await realtime.close();
    await ari.close();
    await api.close();
    await tdb.drop();
  }
  return {
    samples: setup.length, p50: pct(setup, 0.5), p99: pct(setup, 0.99),
    bargeInP50: pct(bargeIns, 0.5), bargeInMax: Math.max(...bargeIns),
  };
}
