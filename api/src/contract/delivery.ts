import { z } from 'zod';
import { Cents, Id } from './common.ts';

export const LatLngInput = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

/**
 * An address to check for delivery. Coordinates come either from a saved
 * customer address (customerAddressId) or from the caller (a map pin), never both.
 */
export const DeliveryCheckRequest = z
  .object({
    line1: z.string().trim().min(1).max(200),
    postcode: z.string().trim().regex(/^\d{5}$/, 'a French postcode of 5 digits'),
    city: z.string().trim().min(1).max(100),
    customerAddressId: Id.optional(),
    coordinates: LatLngInput.optional(),
  })
  .refine((b) => !(b.customerAddressId && b.coordinates), {
    message: 'give customerAddressId or coordinates, not both',
    path: ['coordinates'],
  });
export type DeliveryCheckRequest = z.infer<typeof DeliveryCheckRequest>;

export const GeocodeQuality = z.enum(['exact', 'approximate', 'postcode_only', 'manual', 'unknown']);

export const DeliveryZoneSummary = z.object({
  id: Id,
  name: z.string(),
  feeCents: Cents,
  minOrderCents: Cents,
  freeAboveCents: Cents.nullable(),
  etaMinutes: z.number().int(),
});
export type DeliveryZoneSummary = z.infer<typeof DeliveryZoneSummary>;

export const DeliveryCheckResult = z.object({
  deliverable: z.boolean(),
  reason: z.enum(['out_of_zone', 'address_not_found', 'delivery_disabled']).optional(),
  /** The address is uncertain (no street number, partial match, postcode only): ask the caller. */
  needsConfirmation: z.boolean(),
  /** What the agent can say to get the confirmation, in French. */
  confirmationHint: z.string().optional(),
  address: z.object({
    line1: z.string(),
    postcode: z.string(),
    city: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    quality: GeocodeQuality,
    placeId: z.string().nullable(),
  }),
  zone: DeliveryZoneSummary.nullable(),
  distanceM: z.number().int().nullable(),
  durationS: z.number().int().nullable(),
  etaMinutes: z.number().int().nullable(),
  /** "2,3 km, environ 35 minutes", to be read out. */
  summary: z.string().nullable(),
  /** Where the location came from: Google (live or cached), a saved/given point, or the postcode alone. */
  source: z.enum(['google', 'cache', 'saved', 'offline']),
  /** Set when Google failed and the answer is the offline one. */
  upstreamError: z.literal('upstream_unavailable').optional(),
});
export type DeliveryCheckResult = z.infer<typeof DeliveryCheckResult>;
