// Everything a scripted call needs, for real: the API on PostgreSQL, the ARI
// fake (Asterisk's own API description, real RTP), the Realtime fake, and the
// production controller pointed at them by URL.
import root, { type Test } from 'tap';
import { pino } from 'pino';
import { startTestApi } from '../../../api/test/helpers/test-api.ts';
import { createServiceToken } from '../../../api/test/helpers/tokens.ts';
import { FakeAri } from '../fakes/ari/server.ts';
import { FakeRealtimeServer, FAKE_REALTIME_API_KEY, type Scenario } from '../fakes/realtime/server.ts';
import { loadControllerConfig } from '../../src/config.ts';
import { startCallController, type Controller } from '../../src/controller.ts';

let nextPortBase = 42000 + (process.pid % 50) * 200;

export interface CallHarness {
  api: Awaited<ReturnType<typeof startTestApi>>;
  ari: FakeAri;
  realtime: FakeRealtimeServer;
  controller: Controller;
}

export async function startCallHarness(
  t: Test, scenario: Scenario, env: Record<string, string> = {}, opts: { apiUrl?: (real: string) => Promise<string> } = {},
): Promise<CallHarness> {
  const api = await startTestApi(t);
  const apiUrl = opts.apiUrl ? await opts.apiUrl(api.url) : api.url;
  const token = await createServiceToken(api.db.prisma, null);
  const ari = await FakeAri.start();
  const realtime = await FakeRealtimeServer.start({ scenario });
  const portMin = nextPortBase;
  nextPortBase += 20;
  const config = loadControllerConfig({
    ARI_URL: ari.url, ARI_USERNAME: ari.username, ARI_PASSWORD: ari.password,
    API_URL: apiUrl, API_TOKEN: token, OPENAI_API_KEY: FAKE_REALTIME_API_KEY, OPENAI_REALTIME_URL: realtime.url,
    RTP_HOST: '127.0.0.1', RTP_PORT_MIN: String(portMin), RTP_PORT_MAX: String(portMin + 19), LOG_LEVEL: 'silent', CONTROLLER_HTTP_PORT: '0', ...env,
  });
  const controller = await startCallController(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  t.teardown(async () => {
    await controller.stop(0);
    await realtime.close();
    await ari.close();
  });
  guardExit();
  return { api, ari, realtime, controller };
}

/** The code the instructions give a menu item or option, as the model would read it. */
export function codeIn(instructions: string, kind: 'i' | 'o', name: string): string {
  const m = new RegExp(`\\[(${kind}[0-9a-z]+)\\] ${name.replace(/[()]/g, '\\$&')}`).exec(instructions);
  if (!m?.[1]) throw new Error(`no code for ${name}`);
  return m[1];
}

export async function waitUntil<T>(what: string, fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let guarded = false;
// Under a loaded CI machine a call file was seen, rarely, to stay alive after its
// last test. Say what is still open, then exit with the tests' own result
// instead of hitting tap's file timeout.
const LINGER_MS = 10_000;
function guardExit(): void {
  if (guarded) return;
  guarded = true;
  root.teardown(() => {
    setTimeout(() => {
      console.error(`call tests still alive ${LINGER_MS} ms after the end; open: ${JSON.stringify(process.getActiveResourcesInfo())}`);
      process.exit(process.exitCode ?? 0);
    }, LINGER_MS).unref();
  });
}
