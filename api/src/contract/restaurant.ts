import { z } from 'zod';
import { Cents, Id, IsoDateTime, Locale } from './common.ts';

export const OpeningHoursEntry = z.object({
  weekday: z.number().int().min(1).max(7),
  opensAt: z.string().regex(/^\d{2}:\d{2}$/),
  closesAt: z.string().regex(/^\d{2}:\d{2}$/),
});

export const RestaurantPublic = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  timeZone: z.string(),
  locale: Locale,
  currency: z.string(),
  address: z.object({ line1: z.string(), line2: z.string().nullable(), postcode: z.string(), city: z.string() }),
  openingHours: z.array(OpeningHoursEntry),
  accepts: z.object({ pickup: z.boolean(), delivery: z.boolean(), dineIn: z.boolean(), reservations: z.boolean() }),
});
export type RestaurantPublic = z.infer<typeof RestaurantPublic>;

export const OrderSummary = z.object({
  id: Id,
  number: z.number().int(),
  type: z.enum(['pickup', 'delivery', 'dine_in']),
  status: z.enum(['pending', 'confirmed', 'preparing', 'ready', 'out_for_delivery', 'completed', 'cancelled']),
  source: z.string(),
  customerName: z.string().nullable(),
  totalCents: Cents,
  createdAt: IsoDateTime,
  promisedAt: IsoDateTime.nullable(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

export const ReservationSummary = z.object({
  id: Id,
  startsAt: IsoDateTime,
  partySize: z.number().int(),
  status: z.enum(['pending', 'confirmed', 'seated', 'completed', 'cancelled', 'no_show']),
  customerName: z.string(),
  source: z.string(),
});
export type ReservationSummary = z.infer<typeof ReservationSummary>;

/** GET /api/restaurants/:id/overview: the dashboard's first screen. */
export const RestaurantOverview = z.object({
  restaurant: RestaurantPublic,
  today: z.object({
    /** The restaurant's local date, YYYY-MM-DD. */
    date: z.string(),
    orders: z.number().int(),
    revenueCents: Cents,
    reservations: z.number().int(),
    covers: z.number().int(),
    calls: z.number().int(),
  }),
  orders: z.array(OrderSummary),
  reservations: z.array(ReservationSummary),
});
export type RestaurantOverview = z.infer<typeof RestaurantOverview>;
