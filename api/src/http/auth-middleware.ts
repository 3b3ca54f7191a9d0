import type { Request, RequestHandler, Response } from 'express';
import type { AuthService, Principal } from '../services/auth-service.ts';
import { AppError } from '../errors.ts';

export const SESSION_COOKIE = 'vo_session';

/** Resolves the caller from the session cookie or a Bearer token; never rejects by itself. */
export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const now = new Date();
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    let principal: Principal | null = null;
    if (bearer) principal = (await auth.principalFromToken(bearer, now)) ?? (await auth.principalFromSession(bearer, now));
    else if (cookie) principal = await auth.principalFromSession(cookie, now);
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

export const sessionTokenOf = (req: Request): string | undefined =>
  (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE] ??
  /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
