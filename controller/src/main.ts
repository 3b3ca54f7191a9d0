// The ARI controller's entry point. The call-handling engine is built in the
// controller issue; until then, a configured ARI is refused loudly rather than
// pretending to answer calls.
import { loadControllerConfig, type ControllerConfig } from './config.ts';

export interface ControllerHandle {
  close(): Promise<void>;
}

export type StartResult = { started: false; reason: string } | { started: true; handle: ControllerHandle };

export async function startController(config: ControllerConfig): Promise<StartResult> {
  if (!config.enabled) return { started: false, reason: config.reason };
  return { started: false, reason: 'the call engine is not built yet (see the controller issue)' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await startController(loadControllerConfig());
  if (!result.started) {
    console.log(`controller: not started (${result.reason}); voice calls are disabled`);
  }
}
