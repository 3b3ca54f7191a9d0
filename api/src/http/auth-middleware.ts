import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { csrfTokenFor, type AuthService, type Principal } from '../services/auth-service.ts';
import { AppError } from '../errors.ts';

export const SESSION_COOKIE = 'vo_session';
export const CSRF_COOKIE = 'vo_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const cookieOf = (req: Request, name: string): string | undefined =>
  (req.cookies as Record<string, string> | undefined)?.[name];
const bearerOf = (req: Request): string | undefined => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the caller from a Bearer token or the session cookie. A write made
 * with the cookie must carry the session's CSRF token in X-CSRF-Token; Bearer
 * requests cannot be forged by another site, so they need none.
 */
export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const now = new Date();
    const bearer = bearerOf(req);
    const cookie = cookieOf(req, SESSION_COOKIE);
    let principal: Principal | null = null;
    if (bearer) {
      principal = (await auth.principalFromToken(bearer, now)) ?? (await auth.principalFromSession(bearer, now));
    } else if (cookie) {
      principal = await auth.principalFromSession(cookie, now);
      if (principal && !SAFE_METHODS.has(req.method)) {
        const sent = req.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameSecret(sent, csrfTokenFor(cookie))) {
          throw new AppError('forbidden', 'Missing or invalid X-CSRF-Token header');
        }
      }
    }
    res.locals.principal = principal ?? undefined;
    next();
  };
}

export function principalOf(res: Response): Principal | undefined {
  return res.locals.principal as Principal | undefined;
}

export function requireUser(res: Response): Extract<Principal, { kind: 'user' }> {
  const p = principalOf(res);
  if (!p) throw new AppError('unauthenticated', 'Login required');
  if (p.kind !== 'user') throw new AppError('forbidden', 'This route is for dashboard users');
  return p;
}

export const sessionTokenOf = (req: Request): string | undefined => cookieOf(req, SESSION_COOKIE) ?? bearerOf(req);
