import { AppError } from '../errors.ts';
import { localDayOf } from '../domain/calendar.ts';
import type { RestaurantRepository, RestaurantWithHours } from '../repositories/restaurant-repository.ts';
import type { RestaurantOverview, RestaurantPublic } from '../contract/restaurant.ts';

export function toPublic(r: RestaurantWithHours): RestaurantPublic {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    phone: r.phone,
    timeZone: r.timeZone,
    locale: r.locale,
    currency: r.currency,
    address: { line1: r.addressLine1, line2: r.addressLine2, postcode: r.postcode, city: r.city },
    openingHours: r.openingHours.map((h) => ({ weekday: h.weekday, opensAt: h.opensAt, closesAt: h.closesAt })),
    accepts: { pickup: r.acceptsPickup, delivery: r.acceptsDelivery, dineIn: r.acceptsDineIn, reservations: r.acceptsReservations },
  };
}

const COUNTED_ORDER_STATUSES = new Set(['confirmed', 'preparing', 'ready', 'out_for_delivery', 'completed']);
const COUNTED_RESERVATION_STATUSES = new Set(['pending', 'confirmed', 'seated', 'completed']);

export function restaurantService(repo: RestaurantRepository) {
  return {
    async publicBySlug(slug: string): Promise<RestaurantPublic> {
      const r = await repo.findBySlug(slug);
      if (!r || r.suspendedAt) throw new AppError('not_found', `No restaurant "${slug}"`);
      return toPublic(r);
    },

    async overview(restaurantId: string, now: Date): Promise<RestaurantOverview> {
      const r = await repo.findById(restaurantId);
      if (!r) throw new AppError('not_found', 'Restaurant not found');
      const day = localDayOf(now, r.timeZone);
      const [orders, reservations, calls] = await Promise.all([
        repo.ordersBetween(r.id, day.start, day.end),
        repo.reservationsBetween(r.id, day.start, day.end),
        repo.countCallsBetween(r.id, day.start, day.end),
      ]);
      const counted = orders.filter((o) => COUNTED_ORDER_STATUSES.has(o.status));
      const seatedResas = reservations.filter((x) => COUNTED_RESERVATION_STATUSES.has(x.status));
      return {
        restaurant: toPublic(r),
        today: {
          date: day.date,
          orders: counted.length,
          revenueCents: counted.reduce((s, o) => s + o.totalCents, 0),
          reservations: seatedResas.length,
          covers: seatedResas.reduce((s, x) => s + x.partySize, 0),
          calls,
        },
        orders: orders.map((o) => ({
          id: o.id, number: o.number, type: o.type, status: o.status, source: o.source,
          customerName: o.customerName, totalCents: o.totalCents,
          createdAt: o.createdAt.toISOString(), promisedAt: o.promisedAt?.toISOString() ?? null,
        })),
        reservations: reservations.map((x) => ({
          id: x.id, startsAt: x.startsAt.toISOString(), partySize: x.partySize, status: x.status,
          customerName: x.customerName, source: x.source,
        })),
      };
    },
  };
}
export type RestaurantService = ReturnType<typeof restaurantService>;
