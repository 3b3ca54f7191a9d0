// Availability as the agent and the dashboard ask for it: the pure domain
// functions fed from the database. Local date-times come in as the caller said
// them ("YYYY-MM-DD" + "HH:MM" in the restaurant's zone).
import { AppError } from '../../errors.ts';
import { addDays, localDateBounds, minutesOf, toLocal, wallClockToUtc } from '../../domain/calendar.ts';
import { fulfilmentTimes, KITCHEN_SLOT_MINUTES, type KitchenLoad } from '../../domain/availability/fulfilment.ts';
import { checkReservation, reservationSlots } from '../../domain/availability/reservations.ts';
import type { RestaurantRules, RestaurantRulesRepository } from '../../repositories/commerce/restaurant-rules-repository.ts';

// Far enough ahead for "samedi prochain", bounded so one query stays small.
const FULFILMENT_LOOKAHEAD_DAYS = 14;

export interface LocalDateTime {
  date: string;
  time: string;
}

export function resolveLocal(at: LocalDateTime, timeZone: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(at.date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(at.time)) {
    throw new AppError('bad_request', `Date ou heure invalide : ${at.date} ${at.time} (attendu AAAA-MM-JJ et HH:MM)`);
  }
  return wallClockToUtc(at.date, minutesOf(at.time), timeZone);
}

export function availabilityService(repo: RestaurantRulesRepository) {
  async function rulesOf(restaurantId: string): Promise<RestaurantRules> {
    const r = await repo.rules(restaurantId);
    if (!r) throw new AppError('not_found', 'Restaurant introuvable');
    return r;
  }

  async function reservationContext(restaurantId: string, date: string, rules: RestaurantRules) {
    const { start, end } = localDateBounds(date, rules.timeZone);
    // A day's margins: long turns from the previous evening and services past midnight.
    const from = new Date(start.getTime() - 12 * 3600_000), to = new Date(end.getTime() + 12 * 3600_000);
    const [services, tables, reservations, externalLoad] = await Promise.all([
      repo.services(restaurantId), repo.tables(restaurantId),
      repo.reservationsBetween(restaurantId, from, to), repo.externalLoadBetween(restaurantId, from, to),
    ]);
    return { services, tables, reservations, externalLoad, closures: rules.closures, timeZone: rules.timeZone };
  }

  return {
    rulesOf,

    /** `ignoreOrderId`: an order being changed, whose own place in the kitchen is not held against it. */
    async fulfilment(restaurantId: string, q: { type: 'pickup' | 'delivery'; requestedAt?: Date | null; itemsInOrder: number; deliveryDurationMinutes?: number; count?: number; ignoreOrderId?: string }, now: Date) {
      const rules = await rulesOf(restaurantId);
      const horizon = new Date(now.getTime() + FULFILMENT_LOOKAHEAD_DAYS * 86_400_000);
      // Without a kitchen cap the load changes nothing: no query. With one, the orders it reads are bounded by the cap.
      const capped = rules.kitchen.slotMaxOrders != null || rules.kitchen.slotMaxItems != null;
      const existingLoad: KitchenLoad[] = capped ? await repo.kitchenLoadBetween(restaurantId, new Date(now.getTime() - 3600_000), horizon, q.ignoreOrderId ?? null) : [];
      const result = fulfilmentTimes({
        now, type: q.type, requestedAt: q.requestedAt ?? null, prepLeadMinutes: rules.prepLeadMinutes,
        ...(q.deliveryDurationMinutes === undefined ? {} : { deliveryDurationMinutes: q.deliveryDurationMinutes }),
        openingHours: rules.openingHours, closures: rules.closures, timeZone: rules.timeZone,
        kitchen: rules.kitchen, existingLoad, itemsInOrder: q.itemsInOrder, count: q.count ?? 3,
      });
      return { ...result, timeZone: rules.timeZone, slotMinutes: KITCHEN_SLOT_MINUTES };
    },

    async reservationSlots(restaurantId: string, date: string, partySize: number, now: Date) {
      const rules = await rulesOf(restaurantId);
      const ctx = await reservationContext(restaurantId, date, rules);
      return { timeZone: rules.timeZone, services: reservationSlots({ ...ctx, date, partySize, now }) };
    },

    async checkReservation(restaurantId: string, q: { requestedAt: Date; partySize: number; ignoreReservationId?: string }, now: Date) {
      const rules = await rulesOf(restaurantId);
      if (!rules.accepts.reservations) {
        return { ok: false as const, reason: 'closed' as const, message: 'Le restaurant ne prend pas de réservation par téléphone.', alternatives: [] };
      }
      const date = toLocal(q.requestedAt, rules.timeZone).date;
      const ctx = await reservationContext(restaurantId, date, rules);
      const check = checkReservation({
        ...ctx, partySize: q.partySize, now, requestedAt: q.requestedAt,
        ...(q.ignoreReservationId ? { ignoreReservationId: q.ignoreReservationId } : {}),
      });
      if (check.ok || check.alternatives.length > 0) return check;
      // Nothing left that day: look at the next two days at the same time.
      const later: Date[] = [];
      for (const d of [1, 2]) {
        const next = addDays(date, d);
        const slots = reservationSlots({ ...(await reservationContext(restaurantId, next, rules)), date: next, partySize: q.partySize, now });
        const wanted = toLocal(q.requestedAt, rules.timeZone).minutes;
        const best = slots.flatMap((s) => s.slots).filter((s) => s.available)
          .sort((a, b) => Math.abs(minutesOf(a.localTime) - wanted) - Math.abs(minutesOf(b.localTime) - wanted))[0];
        if (best) later.push(best.startsAt);
      }
      return { ...check, alternatives: later };
    },
  };
}
export type AvailabilityService = ReturnType<typeof availabilityService>;
