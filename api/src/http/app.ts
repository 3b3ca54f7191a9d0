import express, { type Express, type RequestHandler } from 'express';
import cookieParser from 'cookie-parser';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { userRepository, sessionRepository, apiTokenRepository } from '../repositories/user-repository.ts';
import { restaurantRepository } from '../repositories/restaurant-repository.ts';
import { authService } from '../services/auth-service.ts';
import { restaurantService } from '../services/restaurant-service.ts';
import { authenticate } from './auth-middleware.ts';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { createMetrics } from './metrics.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { restaurantRoutes } from './routes/restaurant-routes.ts';
import { RouteRegistry } from './route.ts';
import { buildOpenApi } from './openapi.ts';
import { loginLimiters, rateCounterFor } from './rate-limit.ts';
import type { AppContext } from './context.ts';
import { catalogRoutes } from './routes/catalog-routes.ts';
import { operationsRoutes } from './routes/operations-routes.ts';
import { liveRoutes } from './routes/live-routes.ts';
import { deliveryRoutes } from './routes/delivery-routes.ts';
import { commerceRoutes } from './routes/commerce-routes.ts';
import { agentRoutes } from './routes/agent-routes.ts';
import { testCallRoutes } from './routes/test-call-routes.ts';
import { provisioningRoutes } from './routes/provisioning-routes.ts';
import { syncRoutes } from './routes/sync-routes.ts';

const JSON_BODY_LIMIT = '1mb';
const parseCookies = cookieParser();
// Most API calls carry no cookie (the controller's, with a Bearer token): nothing to parse then.
const cookiesWhenSent: RequestHandler = (req, res, next) => {
  if (req.headers.cookie) parseCookies(req, res, next);
  else next();
};

export interface AppDeps extends AppContext {
  version: string;
  sessionTtlMs: number;
  cookieSecure: boolean;
  /** The dashboard's build; served at / when it exists. */
  dashboardDist: string;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const metrics = createMetrics();
  const auth = authService({
    users: userRepository(deps.db.prisma),
    sessions: sessionRepository(deps.db.prisma),
    tokens: apiTokenRepository(deps.db.prisma),
    sessionTtlMs: deps.sessionTtlMs,
  });
  const restaurants = restaurantService(restaurantRepository(deps.db.prisma));

  app.use(metrics.middleware);
  const registry = new RouteRegistry();
  const authenticated = authenticate(auth);
  // The controller's calls are the hot path (a call start, every tool): they get a router of their
  // own ahead of everything else, with only what they need, so they do not walk the health routes
  // and the dashboard's middleware. Anything else under /api/agent falls through to the full API.
  const agent = express.Router();
  agent.use(express.json({ limit: JSON_BODY_LIMIT }));
  agent.use(cookiesWhenSent);
  agent.use(authenticated);
  registry.mount(agent, agentRoutes(deps), '/agent');
  app.use('/api/agent', agent);
  app.use(healthRoutes({ db: deps.db, redis: deps.redis, registry: metrics.registry, version: deps.version, startedAt: Date.now() }));

  const api = express.Router();
  // The raw bytes stay on the request for webhook signatures (HMAC over exactly what was sent).
  api.use(express.json({ limit: JSON_BODY_LIMIT, verify: (req, _res, buf) => { (req as typeof req & { rawBody?: Buffer }).rawBody = buf; } }));
  api.use(cookiesWhenSent);
  api.use(authenticated);
  api.use('/auth/login', loginLimiters(rateCounterFor(deps)));
  registry.mount(api, authRoutes(auth, { cookieSecure: deps.cookieSecure }));
  registry.mount(api, restaurantRoutes(restaurants));
  for (const routes of [catalogRoutes, operationsRoutes, liveRoutes, deliveryRoutes, commerceRoutes, testCallRoutes, provisioningRoutes, syncRoutes]) {
    registry.mount(api, routes(deps));
  }
  const openapi = buildOpenApi(registry, deps.version);
  api.get('/openapi.json', (_req, res) => { res.json(openapi); });
  api.use(notFoundHandler);
  app.use('/api', api);

  if (existsSync(path.join(deps.dashboardDist, 'index.html'))) {
    app.use(express.static(deps.dashboardDist, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET gets the single-page app.
    app.get('/{*splat}', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(deps.dashboardDist, 'index.html'));
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(deps.log));
  return app;
}
