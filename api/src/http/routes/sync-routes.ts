// External platform sync: settings and failures for the dashboard, and the
// public webhooks (verified, recorded, answered at once; applied by the sync runtime).
import { z } from 'zod';
import type { Request } from 'express';
import type { AppContext } from '../context.ts';
import { route, type AnyRouteSpec } from '../route.ts';
import { rateCounterFor, rateLimit, WEBHOOK_MAX_PER_IP, WEBHOOK_WINDOW_MS } from '../rate-limit.ts';
import { Id } from '../../contract/common.ts';
import {
  ConnectPlatformRequest, PlatformCatalogView, ReservationSyncBadge, ReservationSyncBadges, ReservationSyncBadgesQuery,
  SyncMappingRequest, SyncMappingView, SyncOutboxEntry, SyncOutboxPage, SyncOutboxQuery, SyncPlatformSchema, SyncPlatformView, WebhookAck,
} from '../../contract/sync.ts';
import { syncService } from '../../sync/sync-service.ts';
import { catalogService } from '../../sync/catalog-service.ts';
import { syncEndpoints } from '../../sync/runtime-options.ts';
import { AppError } from '../../errors.ts';

const R = z.object({ restaurantId: Id });
// Checked in the handler, so an unknown platform answers 404 like any unknown resource.
const RP = R.extend({ platform: z.string().max(40) });
function platformOf(p: string) {
  const parsed = SyncPlatformSchema.safeParse(p);
  if (!parsed.success) throw new AppError('not_found', 'Plateforme inconnue');
  return parsed.data;
}

/** The raw bytes, kept by the JSON parser for signature checks. */
const rawBodyOf = (req: Request): Buffer | undefined => (req as Request & { rawBody?: Buffer }).rawBody;

export function syncRoutes(ctx: AppContext): AnyRouteSpec[] {
  const sync = syncService(ctx.db.prisma, ctx.secretBox);
  const catalogs = ctx.config.sync ? catalogService(ctx.db.prisma, ctx.secretBox, syncEndpoints(ctx.config.sync)) : null;
  const limit = rateLimit({ windowMs: WEBHOOK_WINDOW_MS, max: WEBHOOK_MAX_PER_IP, key: (r) => `webhook:${r.ip}`, counter: rateCounterFor(ctx) });

  const webhook = (platform: 'zenchef' | 'thefork') => route({
    method: 'post', path: `/webhooks/${platform}/:restaurantId`, tag: 'sync', access: 'public', status: 200,
    summary: `${platform === 'zenchef' ? 'Zenchef (HMAC-SHA256 in x-zenchef-signature)' : 'TheFork (?token=)'} webhook: recorded, then applied asynchronously`,
    params: R, response: WebhookAck,
    handler: async ({ params, req, res }) => {
      // A 429 AppError when the window is full.
      await limit(req, res);
      return sync.receiveWebhook(params.restaurantId, platform, { headers: req.headers, query: req.query as Record<string, unknown>, rawBody: rawBodyOf(req), body: req.body });
    },
  });

  return [
    webhook('zenchef'),
    webhook('thefork'),
    route({
      method: 'get', path: '/restaurants/:restaurantId/sync/platforms', tag: 'sync', access: 'user', minRole: 'manager',
      summary: 'Connected platforms with their last poll, last error and failure count', params: R, response: z.array(SyncPlatformView),
      handler: ({ params }) => sync.platforms(params.restaurantId),
    }),
    route({
      method: 'put', path: '/restaurants/:restaurantId/sync/platforms/:platform', tag: 'sync', access: 'user', minRole: 'owner',
      summary: 'Connect or update a platform (credentials and webhook secret are stored encrypted)',
      params: RP, body: ConnectPlatformRequest, response: SyncPlatformView,
      handler: ({ params, body }) => sync.connect(params.restaurantId, platformOf(params.platform), body),
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/sync/platforms/:platform/catalog', tag: 'sync', access: 'user', minRole: 'manager',
      summary: "The platform's services (shifts), rooms and offers, read live for mapping; 502 with the reason when it fails",
      params: RP, response: PlatformCatalogView,
      handler: ({ params }) => {
        const platform = platformOf(params.platform);
        if (!catalogs) throw new AppError('service_unavailable', 'Sync endpoints are not configured');
        return catalogs.catalog(params.restaurantId, platform);
      },
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/sync/outbox', tag: 'sync', access: 'user', minRole: 'manager',
      summary: 'Pushes to platforms, newest first; status=failed lists the dead letters', params: R, query: SyncOutboxQuery, response: SyncOutboxPage,
      handler: ({ params, query }) => sync.outbox(params.restaurantId, query.status, query.page, query.pageSize),
    }),
    route({
      method: 'post', path: '/restaurants/:restaurantId/sync/outbox/:outboxId/retry', tag: 'sync', access: 'user', minRole: 'manager', status: 200,
      summary: 'Send a failed push again', params: R.extend({ outboxId: Id }), response: SyncOutboxEntry,
      handler: ({ params }) => sync.retry(params.restaurantId, params.outboxId),
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/sync/reservations', tag: 'sync', access: 'any',
      summary: 'Sync badges of many reservations at once (?ids=a,b,c; up to 200); an id of another restaurant answers 404',
      query: ReservationSyncBadgesQuery, params: R, response: ReservationSyncBadges,
      handler: async ({ params, query }) => ({ items: await sync.badges(params.restaurantId, query.ids) }),
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/sync/reservations/:reservationId', tag: 'sync', access: 'any',
      summary: "A reservation's sync badge per platform", params: R.extend({ reservationId: Id }), response: ReservationSyncBadge,
      handler: ({ params }) => sync.badge(params.restaurantId, params.reservationId),
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/sync/mappings', tag: 'sync', access: 'user', minRole: 'manager',
      summary: 'Our services, rooms, tables and offers mapped to the platforms’ ones', params: R, response: z.array(SyncMappingView),
      handler: ({ params }) => sync.mappings(params.restaurantId),
    }),
    route({
      method: 'put', path: '/restaurants/:restaurantId/sync/mappings', tag: 'sync', access: 'user', minRole: 'manager',
      summary: 'Map one of our services, rooms, tables or offers to a platform id', params: R, body: SyncMappingRequest, response: SyncMappingView,
      handler: ({ params, body }) => sync.map(params.restaurantId, body),
    }),
  ];
}
