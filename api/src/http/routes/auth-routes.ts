import { z } from 'zod';
import { LoginRequest, MeResponse } from '../../contract/auth.ts';
import type { AuthService } from '../../services/auth-service.ts';
import { route } from '../route.ts';
import { CSRF_COOKIE, SESSION_COOKIE, requireUser, sessionTokenOf } from '../auth-middleware.ts';

export function authRoutes(auth: AuthService, opts: { cookieSecure: boolean }) {
  return [
    route({
      method: 'post', path: '/auth/login', tag: 'auth', access: 'public', status: 200,
      summary: 'Log in with email and password; sets the session and CSRF cookies',
      body: LoginRequest, response: MeResponse,
      handler: async ({ body, req, res, now }) => {
        const s = await auth.login(body.email, body.password, now, { userAgent: req.headers['user-agent'], ip: req.ip });
        const common = { sameSite: 'lax' as const, secure: opts.cookieSecure, expires: s.expiresAt, path: '/' };
        res.cookie(SESSION_COOKIE, s.token, { ...common, httpOnly: true });
        // Readable by the dashboard's script, which echoes it in X-CSRF-Token on writes.
        res.cookie(CSRF_COOKIE, s.csrfToken, common);
        return auth.me(s.userId);
      },
    }),
    route({
      method: 'post', path: '/auth/logout', tag: 'auth', access: 'public', status: 204,
      summary: 'End the session on the server and clear its cookies',
      handler: async ({ req, res, now }) => {
        const token = sessionTokenOf(req);
        if (token) await auth.logout(token, now);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        res.clearCookie(CSRF_COOKIE, { path: '/' });
        return undefined;
      },
    }),
    route({
      method: 'get', path: '/auth/me', tag: 'auth', access: 'user', response: MeResponse,
      summary: 'The logged-in user and the restaurants they may manage',
      params: z.object({}),
      handler: ({ res }) => auth.me(requireUser(res).userId),
    }),
  ];
}
