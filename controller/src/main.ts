// The ARI controller's entry point: `tsx controller/src/main.ts`, or started by
// `npm start`. It always serves its health and test-call server; it takes phone
// calls when ARI and the model's key are configured.
import { hostname } from 'node:os';
import { pino, type Logger } from 'pino';
import { loadControllerConfig, type ControllerConfig } from './config.ts';

export interface ControllerHandle {
  close(): Promise<void>;
  /** One line for a console: what this controller does. */
  summary: string;
}

export async function startController(config: ControllerConfig): Promise<ControllerHandle> {
  const log = pino({ name: 'controller', level: config.logLevel, base: undefined, redact: ['pii', '*.pii'] });
  if (!config.openai.apiKey) return startHealthOnly(config, log);
  // ari-client and the Realtime stack load only when the controller can take calls.
  const { startCallController } = await import('./controller.ts');
  const c = await startCallController(config, log);
  const phone = c.phoneCalls ? 'phone calls through ARI' : `phone calls off (${config.ari ? 'OPENAI_API_KEY is not set' : 'ARI_URL is not set'})`;
  const test = config.openai.apiKey ? 'browser test calls on' : 'browser test calls off (OPENAI_API_KEY is not set)';
  return { close: () => c.stop(), summary: `${c.httpUrl}; ${phone}; ${test}` };
}

/**
 * Without the model's key no call of either kind can be taken: only /health
 * answers (so the dashboard can say what to set), and the call stack is never
 * loaded (half a second off `npm start`).
 */
async function startHealthOnly(config: ControllerConfig, log: Logger): Promise<ControllerHandle> {
  const { startControlServer, NO_MODEL_KEY_REFUSAL } = await import('./web/control-server.ts');
  const startedAt = new Date().toISOString();
  const server = await startControlServer({
    host: config.http.host, port: config.http.port, log,
    health: () => ({
      status: 'ok', controllerId: config.controllerId ?? hostname(), startedAt, ari: { configured: config.ari !== null, connected: false },
      openaiConfigured: false, activeCalls: 0, testCalls: 0, draining: false,
    }),
    testCalls: { start: () => ({ refused: NO_MODEL_KEY_REFUSAL }) },
  });
  return {
    close: () => server.close(),
    summary: `${server.url}; phone calls off (${config.ari ? 'OPENAI_API_KEY is not set' : 'ARI_URL is not set'}); browser test calls off (OPENAI_API_KEY is not set)`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const handle = await startController(loadControllerConfig());
  console.log(`controller: ${handle.summary}`);
  const stop = () => { void handle.close().then(() => process.exit(0)); };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
