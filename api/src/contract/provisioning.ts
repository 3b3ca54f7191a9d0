// Provisioning: what the `voiceorder` CLI needs to render Asterisk's config,
// and the service tokens the CLI and the controller authenticate with.
import { z } from 'zod';
import { Id, IsoDateTime } from './common.ts';

export const ApiTokenKindSchema = z.enum(['controller', 'cli', 'integration']);

const HhMm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'a time HH:MM');

/**
 * One restaurant's call handling, as the dialplan implements it. Closures are
 * full-day closures only (local dates, inclusive): exceptional openings are
 * left to the controller, which sees them through the API.
 */
export const AsteriskRestaurant = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  callHandlingMode: z.enum(['ai_all', 'staff_first', 'ai_outside_hours']),
  staffRingSeconds: z.number().int(),
  transferTargetKind: z.enum(['endpoint', 'number']).nullable(),
  transferTarget: z.string().nullable(),
  openingHours: z.array(z.object({ weekday: z.number().int().min(1).max(7), opensAt: HhMm, closesAt: HhMm })),
  closures: z.array(z.object({ startDate: z.string(), endDate: z.string() })),
});
export type AsteriskRestaurant = z.infer<typeof AsteriskRestaurant>;

/** `sipSecret` is the decrypted SIP password: this is the only route that returns it. */
export const AsteriskLine = z.object({
  id: Id,
  restaurantId: Id,
  did: z.string(),
  label: z.string().nullable(),
  kind: z.enum(['ovh_trunk', 'ht841_port']),
  endpointName: z.string(),
  port: z.number().int().nullable(),
  sipUsername: z.string().nullable(),
  sipSecret: z.string().nullable(),
  sipServer: z.string().nullable(),
  outboundProxy: z.string().nullable(),
  codec: z.enum(['ulaw', 'alaw']),
});
export type AsteriskLine = z.infer<typeof AsteriskLine>;

/** Sorted (restaurants by slug, lines by DID) so the rendered files are deterministic. */
export const AsteriskProvisioning = z.object({
  restaurants: z.array(AsteriskRestaurant),
  lines: z.array(AsteriskLine),
});
export type AsteriskProvisioning = z.infer<typeof AsteriskProvisioning>;

export const ProvisioningRestaurantList = z.object({
  items: z.array(z.object({ id: Id, slug: z.string(), name: z.string() })),
});
export type ProvisioningRestaurantList = z.infer<typeof ProvisioningRestaurantList>;

export const ApiTokenView = z.object({
  id: Id,
  name: z.string(),
  kind: ApiTokenKindSchema,
  /** The first characters, to recognise a token without storing it. */
  prefix: z.string(),
  restaurantId: Id.nullable(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;

/** `token` is shown this once: only its SHA-256 is stored. */
export const ApiTokenCreated = ApiTokenView.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;

export const ApiTokenPage = z.object({
  items: z.array(ApiTokenView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
});
export type ApiTokenPage = z.infer<typeof ApiTokenPage>;

export const ApiTokenCreateRequest = z.object({
  name: z.string().trim().min(1).max(100),
  kind: ApiTokenKindSchema,
  expiresAt: IsoDateTime.nullable().optional(),
});
export type ApiTokenCreateRequest = z.infer<typeof ApiTokenCreateRequest>;

/** A platform administrator may scope a token to one restaurant, or leave it platform-wide (null). */
export const AdminApiTokenCreateRequest = ApiTokenCreateRequest.extend({ restaurantId: Id.nullable().default(null) });
export type AdminApiTokenCreateRequest = z.infer<typeof AdminApiTokenCreateRequest>;
