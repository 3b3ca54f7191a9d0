import { Router } from 'express';
import { LoginRequest } from '../../contract/auth.ts';
import type { AuthService } from '../../services/auth-service.ts';
import { parse } from '../validate.ts';
import { SESSION_COOKIE, requireUser, sessionTokenOf } from '../auth-middleware.ts';

export function authRoutes(auth: AuthService, opts: { cookieSecure: boolean }): Router {
  const r = Router();
  r.post('/login', async (req, res) => {
    const body = parse(LoginRequest, req.body);
    const s = await auth.login(body.email, body.password, new Date(), { userAgent: req.headers['user-agent'], ip: req.ip });
    res.cookie(SESSION_COOKIE, s.token, {
      httpOnly: true, sameSite: 'lax', secure: opts.cookieSecure, expires: s.expiresAt, path: '/',
    });
    res.json(await auth.me(s.userId));
  });
  r.post('/logout', async (req, res) => {
    const token = sessionTokenOf(req);
    if (token) await auth.logout(token, new Date());
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  r.get('/me', async (_req, res) => {
    res.json(await auth.me(requireUser(res).userId));
  });
  return r;
}
