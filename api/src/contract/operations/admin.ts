import { z } from 'zod';
import { Id, IsoDateTime } from '../common.ts';
import { opsPageOf } from './paging.ts';
import { TimeZoneName } from './settings.ts';

export const AdminRestaurant = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  city: z.string(),
  timeZone: z.string(),
  suspendedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  /** In each restaurant's own local day; orders not cancelled. */
  todayOrders: z.number().int(),
  todayCalls: z.number().int(),
  activePhoneLines: z.number().int(),
});
export type AdminRestaurant = z.infer<typeof AdminRestaurant>;
export const AdminRestaurantPage = opsPageOf(AdminRestaurant);
export type AdminRestaurantPage = z.infer<typeof AdminRestaurantPage>;

export const AdminRestaurantCreateRequest = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,80}$/, 'a lowercase slug'),
  name: z.string().trim().min(1).max(120),
  addressLine1: z.string().trim().min(1).max(200),
  addressLine2: z.string().trim().max(200).nullable().optional(),
  postcode: z.string().trim().min(2).max(12),
  city: z.string().trim().min(1).max(100),
  countryCode: z.string().trim().length(2).toUpperCase().default('FR'),
  timeZone: TimeZoneName.default('Europe/Paris'),
  /** The restaurant's public number, any French or international form; stored as E.164. */
  phone: z.string().trim().min(4).max(40).nullable().optional(),
  owner: z.object({
    email: z.string().trim().toLowerCase().email(),
    name: z.string().trim().min(1).max(120).optional(),
  }),
});
export type AdminRestaurantCreateRequest = z.infer<typeof AdminRestaurantCreateRequest>;

/** `oneTimePassword` is present only when the owner's account was created, and shown only this once. */
export const AdminRestaurantCreated = z.object({
  restaurant: AdminRestaurant,
  owner: z.object({ userId: Id, email: z.string(), created: z.boolean(), oneTimePassword: z.string().optional() }),
});
export type AdminRestaurantCreated = z.infer<typeof AdminRestaurantCreated>;

export const AdminRestaurantUpdateRequest = z.object({ suspended: z.boolean() });
export type AdminRestaurantUpdateRequest = z.infer<typeof AdminRestaurantUpdateRequest>;
