import type { ApiConfig } from '../config.ts';
import type { SyncRuntimeOptions } from './runtime.ts';

export function syncRuntimeOptions(config: Pick<ApiConfig, 'sync'>, redisUrl: string): SyncRuntimeOptions {
  const s = config.sync;
  return {
    redisUrl, prefix: s.queuePrefix,
    endpoints: { zenchef: s.zenchefBaseUrl, thefork: s.theforkBaseUrl, theforkAuth: s.theforkAuthUrl, timeoutMs: s.httpTimeoutMs },
    pollIntervalMs: s.pollIntervalMs, dispatchIntervalMs: s.dispatchIntervalMs, backoffBaseMs: s.backoffBaseMs,
    maxAttempts: s.maxAttempts, stuckAfterMs: s.stuckAfterMs, concurrency: 5,
  };
}
