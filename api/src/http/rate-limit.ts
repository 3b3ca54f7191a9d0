// Fixed-window rate limiting for login (password guessing) and the public
// webhooks (floods). With Redis, the windows are shared by every API process,
// so running four processes does not give a guesser four times the attempts;
// without Redis (the embedded start), or while it is unreachable, each process
// counts alone, which still limits.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { AppError } from '../errors.ts';
import type { AppContext } from './context.ts';

export interface Hit {
  count: number;
  /** When the window ends. */
  resetInMs: number;
}

/** Counts hits per key in fixed windows. */
export interface RateCounter {
  hit(key: string, windowMs: number): Promise<Hit>;
}

export function memoryCounter(now: () => number = Date.now): RateCounter {
  const hits = new Map<string, { count: number; resetAt: number }>();
  let lastSweep = now();
  return {
    async hit(key, windowMs) {
      const t = now();
      if (t - lastSweep > windowMs) {
        for (const [k, v] of hits) if (v.resetAt <= t) hits.delete(k);
        lastSweep = t;
      }
      let entry = hits.get(key);
      if (!entry || entry.resetAt <= t) hits.set(key, entry = { count: 0, resetAt: t + windowMs });
      entry.count += 1;
      return { count: entry.count, resetInMs: entry.resetAt - t };
    },
  };
}

// A login must not wait on a Redis that hangs (its client queues commands until it reconnects).
export const RATE_REDIS_TIMEOUT_MS = 250;

// The window starts with the first hit (the key has no expiry yet): one round trip, atomic across processes.
const HIT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/**
 * Windows in Redis, shared by the API processes. Keys are hashed: a login key
 * holds an email address, which has no business in Redis. When Redis is not
 * ready or does not answer in time, `fallback` counts instead.
 */
export function redisCounter(redis: Redis, namespace: string, fallback: RateCounter = memoryCounter()): RateCounter {
  return {
    async hit(key, windowMs) {
      if (redis.status !== 'ready') return fallback.hit(key, windowMs);
      const redisKey = `vo:rate:${namespace}:${createHash('sha256').update(key).digest('base64url')}`;
      let timer: NodeJS.Timeout | undefined;
      try {
        const [count, ttl] = await Promise.race([
          redis.eval(HIT_SCRIPT, 1, redisKey, String(windowMs)) as Promise<[number, number]>,
          new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), RATE_REDIS_TIMEOUT_MS); }),
        ]);
        return { count, resetInMs: ttl };
      } catch {
        return fallback.hit(key, windowMs);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * The counter for an API process: in Redis when there is one, under the
 * deployment's namespace (its database: the processes of one deployment
 * share it, and two deployments on one Redis, or two test servers, do not).
 */
export function rateCounterFor(ctx: Pick<AppContext, 'redis' | 'config'>): RateCounter {
  if (!ctx.redis) return memoryCounter();
  const db = ctx.config.database;
  const identity = !db ? 'default' : db.kind === 'postgres' ? db.url : db.dir;
  return redisCounter(ctx.redis, createHash('sha256').update(identity).digest('base64url').slice(0, 16));
}

export interface RateLimitOptions {
  windowMs: number;
  max: number;
  key: (req: Request) => string;
  counter: RateCounter;
}

/** Throws a 429 (with Retry-After) once `key` has been hit more than `max` times in its window. */
export function rateLimit(opts: RateLimitOptions): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const { count, resetInMs } = await opts.counter.hit(opts.key(req), opts.windowMs);
    if (count > opts.max) {
      const retryAfterS = Math.max(1, Math.ceil(resetInMs / 1000));
      res.setHeader('Retry-After', String(retryAfterS));
      throw new AppError('rate_limited', `Too many attempts; try again in ${retryAfterS} s`);
    }
  };
}

const asMiddleware = (check: (req: Request, res: Response) => Promise<void>): RequestHandler => async (req, res, next) => {
  await check(req, res);
  next();
};

// Ten wrong passwords per account and address per quarter hour is plenty for a
// human and far too few for guessing.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_PER_ACCOUNT = 10;
export const LOGIN_MAX_PER_IP = 50;
// Platforms retry webhooks in bursts; a minute's window absorbs them.
export const WEBHOOK_WINDOW_MS = 60 * 1000;
export const WEBHOOK_MAX_PER_IP = 300;

export const loginLimiters = (counter: RateCounter): RequestHandler[] => [
  asMiddleware(rateLimit({ windowMs: LOGIN_WINDOW_MS, max: LOGIN_MAX_PER_IP, key: (r) => `login-ip:${r.ip}`, counter })),
  asMiddleware(rateLimit({
    windowMs: LOGIN_WINDOW_MS, max: LOGIN_MAX_PER_ACCOUNT, counter,
    key: (r) => `login-acct:${r.ip}:${String((r.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
  })),
];
