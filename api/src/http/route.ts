// Declarative routes: one spec gives the Express handler (zod-parsed input,
// tenancy check, typed output) and the OpenAPI entry, so the document can
// never drift from what the server accepts.
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { parse } from './validate.ts';
import { principalOf } from './auth-middleware.ts';
import { assertRestaurantAccess, type MembershipRole, type Principal } from '../services/auth-service.ts';
import { AppError } from '../errors.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call: `public` anyone; `user` a dashboard login; `token` a service
 * token (controller, CLI); `any` either. A path with `:restaurantId` is always
 * checked against the caller's restaurants (a foreign id answers 404).
 */
export type Access = 'public' | 'user' | 'token' | 'any' | 'platform_admin';

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal | undefined;
  req: Request;
  res: Response;
  now: Date;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: Method;
  /** Express path relative to /api, e.g. /restaurants/:restaurantId/menu/items */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  minRole?: MembershipRole;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response?: z.ZodType<R>;
  /** Success status; 204 sends no body. */
  status?: number;
  /** The JSON text of a result, for an answer hot enough that generic serialisation shows in profiles. */
  serialize?: (result: R) => string | Buffer;
  handler(ctx: RouteContext<P, Q, B>): Promise<R>;
}

// Helps inference: route({...}) keeps P, Q, B, R from the schemas.
export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined, R = unknown>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec<P, Q, B, R> {
  return spec;
}

// A spec of any shape: the handler's parameter types and the schemas vary
// together, which no single non-any instantiation can express.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteSpec = RouteSpec<any, any, any, any>;

export class RouteRegistry {
  readonly specs: AnyRouteSpec[] = [];

  /** `mountedAt`: the part of the specs' paths (under /api) where `router` itself is mounted. */
  mount(router: Router, specs: readonly AnyRouteSpec[], mountedAt = ''): void {
    for (const s of specs) {
      if (!s.path.startsWith(mountedAt + '/')) throw new Error(`route ${s.path} is not under ${mountedAt}`);
      this.specs.push(s);
      router[s.method](s.path.slice(mountedAt.length), async (req, res) => {
        const started = performance.now();
        const principal = principalOf(res);
        checkAccess(s, principal);
        const params = s.params ? parse(s.params, req.params) : (req.params as unknown);
        const restaurantId = (params as { restaurantId?: unknown } | undefined)?.restaurantId;
        if (typeof restaurantId === 'string' && s.access !== 'public') {
          assertRestaurantAccess(principal, restaurantId, s.minRole ?? 'staff');
        }
        const query = s.query ? parse(s.query, req.query) : {};
        const body = s.body ? parse(s.body, req.body ?? {}) : undefined;
        const result = await s.handler({ params, query, body, principal, req, res, now: new Date() });
        if (res.headersSent) return; // the handler streamed its own answer (SSE, files)
        // The handler's own time, so a client can tell the API's time from the network's and its own.
        res.setHeader('Server-Timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
        const status = s.status ?? (s.method === 'post' ? 201 : 200);
        if (status === 204) res.status(204).end();
        // Sent as is: no re-serialisation, and no ETag hash of a POST answer that nothing caches.
        else if (s.serialize) res.status(status).type('application/json; charset=utf-8').end(s.serialize(result));
        else res.status(status).json(result);
      });
    }
  }
}

function checkAccess(s: AnyRouteSpec, p: Principal | undefined): void {
  if (s.access === 'public') return;
  if (!p) throw new AppError('unauthenticated', 'Login required');
  if (s.access === 'user' && p.kind !== 'user') throw new AppError('forbidden', 'This route is for dashboard users');
  if (s.access === 'token' && p.kind !== 'token') throw new AppError('forbidden', 'This route needs a service token');
  if (s.access === 'platform_admin' && !(p.kind === 'user' && p.isPlatformAdmin)) {
    throw new AppError('forbidden', 'Platform administrators only');
  }
}
