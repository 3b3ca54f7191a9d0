// Loads what pricing and availability need for one restaurant, mapped to the
// pure domain inputs. One place, so the agent, the dashboard and order
// creation all judge with the same data.
import type { PrismaClient, Prisma } from '../../generated/prisma/client.ts';
import type { MenuSnapshot, OfferInput } from '../../domain/pricing-types.ts';
import type { OpeningHoursRow, ClosureRow } from '../../domain/availability/opening.ts';
import type { DiningServiceInput, TurnTime } from '../../domain/availability/reservation-inputs.ts';
import type { TableInput } from '../../domain/availability/tables.ts';
import type { Sql } from '../../db/sql.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export interface RestaurantRules {
  id: string;
  name: string;
  timeZone: string;
  suspended: boolean;
  accepts: { pickup: boolean; delivery: boolean; dineIn: boolean; reservations: boolean };
  prepLeadMinutes: number;
  kitchen: { slotMaxOrders: number | null; slotMaxItems: number | null };
  openingHours: OpeningHoursRow[];
  closures: ClosureRow[];
}

export const KITCHEN_LOAD = `SELECT to_timestamp(floor(extract(epoch FROM o."promisedAt" - make_interval(secs => CASE WHEN o.type = 'delivery' THEN coalesce(o."deliveryDurationS", 0) ELSE 0 END)) / 900) * 900) AS slot,
    count(DISTINCT o.id)::int AS orders, coalesce(sum(i.quantity), 0)::int AS items
  FROM "Order" o LEFT JOIN "OrderItem" i ON i."orderId" = o.id
  WHERE o."restaurantId" = $1 AND o."promisedAt" >= $2::timestamptz AND o."promisedAt" < $3::timestamptz
    AND o.status IN ('pending', 'confirmed', 'preparing') AND o.id IS DISTINCT FROM $4::text
  GROUP BY 1`;

export function restaurantRulesRepository(prisma: Db, sql?: Sql) {
  return {
    async rules(restaurantId: string): Promise<RestaurantRules | null> {
      const r = await prisma.restaurant.findUnique({
        where: { id: restaurantId },
        include: { openingHours: true, closures: true },
      });
      if (!r) return null;
      return {
        id: r.id, name: r.name, timeZone: r.timeZone, suspended: r.suspendedAt !== null,
        accepts: { pickup: r.acceptsPickup, delivery: r.acceptsDelivery, dineIn: r.acceptsDineIn, reservations: r.acceptsReservations },
        prepLeadMinutes: r.prepLeadMinutes,
        kitchen: { slotMaxOrders: r.kitchenSlotMaxOrders, slotMaxItems: r.kitchenSlotMaxItems },
        openingHours: r.openingHours.map((h) => ({ weekday: h.weekday, opensAt: h.opensAt, closesAt: h.closesAt })),
        closures: r.closures.map((c) => ({
          startDate: c.startDate, endDate: c.endDate, isOpening: c.isOpening, opensAt: c.opensAt, closesAt: c.closesAt,
        })),
      };
    },

    async menu(restaurantId: string): Promise<MenuSnapshot> {
      const [items, formulas] = await Promise.all([
        prisma.menuItem.findMany({
          where: { restaurantId },
          include: { optionGroups: { orderBy: { sortOrder: 'asc' }, include: { group: { include: { options: { orderBy: { sortOrder: 'asc' } } } } } } },
        }),
        prisma.formula.findMany({
          where: { restaurantId },
          include: { steps: { orderBy: { sortOrder: 'asc' }, include: { choices: true } } },
        }),
      ]);
      return {
        items: items.map((i) => ({
          id: i.id, name: i.name, priceCents: i.priceCents, available: i.available, archived: i.archived,
          optionGroups: i.optionGroups.map(({ group: g }) => ({
            id: g.id, name: g.name, minSelect: g.minSelect, maxSelect: g.maxSelect, required: g.required,
            options: g.options.map((o) => ({ id: o.id, name: o.name, priceDeltaCents: o.priceDeltaCents, available: o.available })),
          })),
        })),
        formulas: formulas.map((f) => ({
          id: f.id, name: f.name, priceCents: f.priceCents, available: f.available, weekdays: f.weekdays, serviceIds: f.serviceIds,
          steps: f.steps.map((s) => ({
            id: s.id, name: s.name, minChoices: s.minChoices, maxChoices: s.maxChoices,
            choices: s.choices.map((c) => ({ itemId: c.itemId, supplementCents: c.supplementCents })),
          })),
        })),
      };
    },

    async offers(restaurantId: string): Promise<OfferInput[]> {
      const offers = await prisma.offer.findMany({ where: { restaurantId, active: true } });
      return offers.map((o) => ({
        id: o.id, name: o.name, kind: o.kind, active: o.active, appliesTo: o.appliesTo,
        startDate: o.startDate, endDate: o.endDate, weekdays: o.weekdays, startTime: o.startTime, endTime: o.endTime,
        orderTypes: o.orderTypes, channels: o.channels, minOrderCents: o.minOrderCents,
        discountPercent: o.discountPercent, discountAmountCents: o.discountAmountCents, formulaId: o.formulaId,
      }));
    },

    async services(restaurantId: string): Promise<DiningServiceInput[]> {
      const rows = await prisma.diningService.findMany({ where: { restaurantId }, orderBy: { sortOrder: 'asc' } });
      return rows.map((s) => ({
        id: s.id, name: s.name, weekdays: s.weekdays, startTime: s.startTime, endTime: s.endTime,
        lastSeatingTime: s.lastSeatingTime, slotIntervalMinutes: s.slotIntervalMinutes,
        maxCoversPerService: s.maxCoversPerService, maxCoversPerSlot: s.maxCoversPerSlot,
        turnTimes: parseTurnTimes(s.turnTimes), defaultTurnMinutes: s.defaultTurnMinutes,
        minParty: s.minParty, maxParty: s.maxParty, prepaymentAboveGuests: s.prepaymentAboveGuests, active: s.active,
      }));
    },

    async tables(restaurantId: string): Promise<TableInput[]> {
      const rows = await prisma.diningTable.findMany({ where: { restaurantId, room: { active: true } } });
      return rows.map((t) => ({
        id: t.id, roomId: t.roomId, minCapacity: t.minCapacity, maxCapacity: t.maxCapacity, combinable: t.combinable, active: t.active,
      }));
    },

    /** Reservations that may hold capacity between `from` and `to` (a day with margins). */
    async reservationsBetween(restaurantId: string, from: Date, to: Date) {
      const rows = await prisma.reservation.findMany({
        where: { restaurantId, startsAt: { lt: to }, endsAt: { gt: from }, status: { in: ['pending', 'confirmed', 'seated'] } },
        include: { tables: { select: { tableId: true } } },
      });
      return rows.map((r) => ({
        id: r.id, startsAt: r.startsAt, endsAt: r.endsAt, partySize: r.partySize, status: r.status,
        tableIds: r.tables.map((t) => t.tableId), serviceId: r.serviceId,
      }));
    },

    async externalLoadBetween(restaurantId: string, from: Date, to: Date) {
      const rows = await prisma.externalLoad.findMany({ where: { restaurantId, slotStart: { gte: from, lt: to } } });
      return rows.map((l) => ({ slotStart: l.slotStart, covers: l.covers, serviceId: l.serviceId, maxGuests: l.maxGuests }));
    },

    /**
     * Orders and items per 15-minute kitchen slot (when the food must be ready:
     * a delivery leaves before it arrives), summed by the database. Every UTC
     * offset in use is a multiple of 15 minutes, so UTC quarter hours are the
     * restaurant's local quarter hours.
     */
    /** `ignoreOrderId`: an order being changed, which must not count against itself. */
    async kitchenLoadBetween(restaurantId: string, from: Date, to: Date, ignoreOrderId: string | null = null) {
      const values = [restaurantId, from, to, ignoreOrderId];
      // On the order path through plain SQL (see db/sql.ts); inside a Prisma transaction through it.
      const rows = sql
        ? await sql.query<{ slot: Date; orders: number; items: number }>({ name: 'kitchen-load', text: KITCHEN_LOAD, values })
        : await prisma.$queryRawUnsafe<Array<{ slot: Date; orders: number; items: number }>>(KITCHEN_LOAD, ...values);
      return rows.map((r) => ({ slotStart: r.slot, orders: Number(r.orders), items: Number(r.items) }));
    },
  };
}
export type RestaurantRulesRepository = ReturnType<typeof restaurantRulesRepository>;

function parseTurnTimes(json: Prisma.JsonValue): TurnTime[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((t) => {
    const o = t as { maxParty?: unknown; minutes?: unknown } | null;
    return typeof o?.maxParty === 'number' && typeof o.minutes === 'number' ? [{ maxParty: o.maxParty, minutes: o.minutes }] : [];
  });
}
