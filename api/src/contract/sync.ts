// External platform sync (Zenchef, TheFork): connection settings, the outbox as
// the dashboard shows it, the reservation badges, and the platforms' catalogs.
import { z } from 'zod';
import { Id, IsoDateTime } from './common.ts';

export const SyncPlatformSchema = z.enum(['zenchef', 'thefork']);
export type SyncPlatformName = z.infer<typeof SyncPlatformSchema>;
export const SyncEntityTypeSchema = z.enum(['reservation', 'service', 'room', 'table', 'offer', 'customer']);
const Master = z.enum(['local', 'platform']);

export const SyncMasteringSchema = z.object({
  reservation: Master.optional(), service: Master.optional(), room: Master.optional(),
  table: Master.optional(), offer: Master.optional(), customer: Master.optional(),
}).strict();

export const ConnectPlatformRequest = z.object({
  externalRestaurantId: z.string().min(1).max(100),
  /** Zenchef: authToken (+ publisherName); TheFork: clientId + clientSecret. Stored encrypted. */
  credentials: z.record(z.string(), z.string().max(2000)),
  /** Zenchef: the HMAC secret; TheFork: the token put in the webhook URL. */
  webhookSecret: z.string().min(16).max(200).optional(),
  mastering: SyncMasteringSchema.default({ reservation: 'local' }),
  enabled: z.boolean().default(true),
});
export type ConnectPlatformRequest = z.infer<typeof ConnectPlatformRequest>;

export const SyncPlatformView = z.object({
  platform: SyncPlatformSchema,
  externalRestaurantId: z.string(),
  enabled: z.boolean(),
  mastering: SyncMasteringSchema,
  hasWebhookSecret: z.boolean(),
  /** Path to give the platform (prefix with the public URL); TheFork's needs ?token=<secret>. */
  webhookPath: z.string(),
  lastPolledAt: IsoDateTime.nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: IsoDateTime.nullable(),
  failedCount: z.number().int(),
  pendingCount: z.number().int(),
});
export type SyncPlatformView = z.infer<typeof SyncPlatformView>;

export const SyncOutboxStatusSchema = z.enum(['pending', 'queued', 'processing', 'done', 'failed']);

export const SyncOutboxEntry = z.object({
  id: Id, platform: SyncPlatformSchema, event: z.string(), entityType: SyncEntityTypeSchema, entityId: z.string(),
  status: SyncOutboxStatusSchema, attempts: z.number().int(), lastError: z.string().nullable(),
  /** The platform refused the slot (taken there). */
  conflict: z.boolean(),
  nextAttemptAt: IsoDateTime, createdAt: IsoDateTime, updatedAt: IsoDateTime,
});
export type SyncOutboxEntry = z.infer<typeof SyncOutboxEntry>;

export const SyncOutboxQuery = z.object({
  status: SyncOutboxStatusSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const SyncOutboxPage = z.object({ items: z.array(SyncOutboxEntry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ReservationSyncBadge = z.object({
  reservationId: Id,
  platforms: z.array(z.object({
    platform: SyncPlatformSchema,
    state: z.enum(['synced', 'pending', 'failed', 'conflict']),
    externalId: z.string().nullable(),
    lastError: z.string().nullable(),
  })),
});
export type ReservationSyncBadge = z.infer<typeof ReservationSyncBadge>;

/** As many badges as a page of reservations shows, in one request. */
export const MAX_BADGES_PER_REQUEST = 200;
export const ReservationSyncBadgesQuery = z.object({
  /** Reservation ids, comma-separated. */
  ids: z.string().min(1).max(MAX_BADGES_PER_REQUEST * 65)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(Id).min(1).max(MAX_BADGES_PER_REQUEST)),
});
export const ReservationSyncBadges = z.object({ items: z.array(ReservationSyncBadge) });

const CatalogEntry = z.object({ externalId: z.string(), name: z.string() });
/** What a platform offers to map ours to: its services (Zenchef shifts), rooms and offers. */
export const PlatformCatalogView = z.object({
  platform: SyncPlatformSchema,
  services: z.array(CatalogEntry),
  rooms: z.array(CatalogEntry),
  offers: z.array(CatalogEntry),
});
export type PlatformCatalogView = z.infer<typeof PlatformCatalogView>;

export const SyncMappingRequest = z.object({
  platform: SyncPlatformSchema,
  entityType: z.enum(['service', 'room', 'table', 'offer']),
  localId: Id,
  externalId: z.string().min(1).max(100),
});

export const SyncMappingView = SyncMappingRequest.extend({ entityType: SyncEntityTypeSchema, externalUpdatedAt: IsoDateTime.nullable() });

export const WebhookAck = z.object({ received: z.number().int(), duplicates: z.number().int() });
