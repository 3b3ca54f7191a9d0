import type { ApiConfig } from '../config.ts';
import type { SyncRuntimeOptions } from './runtime.ts';
import type { SyncEndpoints } from './connector-factory.ts';

export function syncEndpoints(s: ApiConfig['sync']): SyncEndpoints {
  return { zenchef: s.zenchefBaseUrl, thefork: s.theforkBaseUrl, theforkAuth: s.theforkAuthUrl, timeoutMs: s.httpTimeoutMs };
}

export function syncRuntimeOptions(config: Pick<ApiConfig, 'sync'>, redisUrl: string): SyncRuntimeOptions {
  const s = config.sync;
  return {
    redisUrl, prefix: s.queuePrefix, endpoints: syncEndpoints(s),
    pollIntervalMs: s.pollIntervalMs, availabilityIntervalMs: s.availabilityIntervalMs, dispatchIntervalMs: s.dispatchIntervalMs, backoffBaseMs: s.backoffBaseMs,
    maxAttempts: s.maxAttempts, stuckAfterMs: s.stuckAfterMs, concurrency: 5,
  };
}
