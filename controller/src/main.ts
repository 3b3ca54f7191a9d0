// The ARI controller's entry point: `tsx controller/src/main.ts`, or started by
// `npm start` when ARI is configured.
import { pino } from 'pino';
import { loadControllerConfig, type ControllerConfig } from './config.ts';

export interface ControllerHandle {
  close(): Promise<void>;
}

export type StartResult = { started: false; reason: string } | { started: true; handle: ControllerHandle };

export async function startController(config: ControllerConfig): Promise<StartResult> {
  if (!config.enabled) return { started: false, reason: config.reason };
  if (!config.openai.apiKey) return { started: false, reason: 'OPENAI_API_KEY is not set' };
  const log = pino({ name: 'controller', level: config.logLevel, base: undefined, redact: ['pii', '*.pii'] });
  // ari-client and the Realtime stack load only when the controller really starts.
  const { startCallController } = await import('./controller.ts');
  const c = await startCallController(config, log);
  return { started: true, handle: { close: () => c.stop() } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await startController(loadControllerConfig());
  if (!result.started) {
    console.log(`controller: not started (${result.reason}); voice calls are disabled`);
  } else {
    const stop = () => { void result.handle.close().then(() => process.exit(0)); };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  }
}
