// Fixed-window rate limiting in memory, per process. It protects login from
// password guessing and the public webhooks from floods; a multi-process
// deployment multiplies the allowance by the number of processes, which is
// acceptable for these two uses.
import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors.ts';

export interface RateLimitOptions {
  windowMs: number;
  max: number;
  key: (req: Request) => string;
}

export function rateLimit(opts: RateLimitOptions): RequestHandler {
  const hits = new Map<string, { count: number; resetAt: number }>();
  let lastSweep = Date.now();
  return (req, res, next) => {
    const now = Date.now();
    if (now - lastSweep > opts.windowMs) {
      for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
      lastSweep = now;
    }
    const key = opts.key(req);
    let entry = hits.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + opts.windowMs };
      hits.set(key, entry);
    }
    entry.count += 1;
    if (entry.count > opts.max) {
      const retryAfterS = Math.ceil((entry.resetAt - now) / 1000);
      res.setHeader('Retry-After', String(retryAfterS));
      throw new AppError('rate_limited', `Too many attempts; try again in ${retryAfterS} s`);
    }
    next();
  };
}

// Ten wrong passwords per account and address per quarter hour is plenty for a
// human and far too few for guessing.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_PER_ACCOUNT = 10;
export const LOGIN_MAX_PER_IP = 50;
// Platforms retry webhooks in bursts; a minute's window absorbs them.
export const WEBHOOK_WINDOW_MS = 60 * 1000;
export const WEBHOOK_MAX_PER_IP = 300;

export const loginLimiters = (): RequestHandler[] => [
  rateLimit({ windowMs: LOGIN_WINDOW_MS, max: LOGIN_MAX_PER_IP, key: (r) => `ip:${r.ip}` }),
  rateLimit({
    windowMs: LOGIN_WINDOW_MS, max: LOGIN_MAX_PER_ACCOUNT,
    key: (r) => `acct:${r.ip}:${String((r.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
  }),
];
