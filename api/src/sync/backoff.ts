// Exponential backoff with jitter, never shorter than a platform's Retry-After.
import { PlatformError } from './types.ts';

export function backoffDelay(attemptsMade: number, baseMs: number, maxMs: number, err?: Error): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attemptsMade - 1));
  // "Equal jitter": half fixed, half random, so retries of a burst spread out yet still wait.
  const jittered = Math.round(exp / 2 + Math.random() * (exp / 2));
  const retryAfter = err instanceof PlatformError && err.retryAfterMs != null ? err.retryAfterMs : 0;
  return Math.max(jittered, retryAfter);
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms); timer.unref(); }),
  ]).finally(() => clearTimeout(timer));
}
