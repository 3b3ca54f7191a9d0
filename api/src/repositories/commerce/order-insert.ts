// An order's creation in ONE statement: its number, the customer found or
// created and their order count, the order and its lines, and the live event.
// Atomic on its own, so the counter's row lock lasts one statement (no gap in
// the numbering when it fails), and one round trip instead of eight. Where the
// kitchen is capped, the same statement runs inside a short transaction that
// first counts the slot again under a lock (insertWithinCap).
import { randomUUID } from 'node:crypto';
import type { Sql, SqlQuery } from '../../db/sql.ts';
import type { OrderRow } from './order-repository.ts';
import { KITCHEN_LOAD } from './restaurant-rules-repository.ts';

export interface NewOrderLine {
  menuItemId: string | null;
  formulaId: string | null;
  name: string;
  unitPriceCents: number;
  quantity: number;
  options: unknown;
  formulaChoices: unknown;
  lineTotalCents: number;
  notes: string | null;
}

export interface NewOrder {
  restaurantId: string;
  type: 'pickup' | 'delivery' | 'dine_in';
  status: 'pending' | 'confirmed';
  source: 'phone_ai' | 'phone_staff' | 'dashboard';
  /** The customer found or created by this number; none without a number. */
  customer: { phone: string; firstName: string | null; lastName: string | null; email: string | null } | null;
  /** The name given with the order, when there is no number to attach a customer to. */
  givenName: { firstName: string | null; lastName: string | null };
  callId: string | null;
  offerId: string | null;
  requestedFor: Date | null;
  promisedAt: Date;
  delivery: {
    line1: string; line2: string | null; postcode: string; city: string; latitude: number | null; longitude: number | null;
    instructions: string | null; zoneId: string; distanceM: number | null; durationS: number | null;
  } | null;
  tableLabel: string | null;
  subtotalCents: number;
  discountCents: number;
  deliveryFeeCents: number;
  totalCents: number;
  pricingBreakdown: unknown;
  notes: string | null;
  allergyNotes: string | null;
  idempotencyKey: string;
  now: Date;
}

// An order with its lines, as OrderRow (the shape Prisma would return).
export const ORDER_SELECT = `SELECT o.*, (SELECT coalesce(json_agg(i ORDER BY i."sortOrder"), '[]') FROM "OrderItem" i WHERE i."orderId" = o.id) AS items
  FROM "Order" o`;

// The order and its lines go in as json rows of their tables' own types
// (jsonb_populate_record): every column by name, no positional list to keep in step.
// The function sits in FROM: written `SELECT (f(...)).*`, PostgreSQL calls it
// once per column, which made this statement ~1 ms slower (40 columns).
export const INSERT_ORDER = `WITH n AS (
    INSERT INTO "OrderCounter" ("restaurantId", "lastNumber") VALUES ($1, 1)
    ON CONFLICT ("restaurantId") DO UPDATE SET "lastNumber" = "OrderCounter"."lastNumber" + 1
    RETURNING "lastNumber"
  ), cu AS (
    INSERT INTO "Customer" (id, "restaurantId", phone, "firstName", "lastName", email, allergies, "orderCount", "totalSpentCents", "lastOrderAt", "updatedAt")
    SELECT $2, $1, $3, $4, $5, $6, '{}', 1, $7, $8, $8 WHERE $3::text IS NOT NULL
    ON CONFLICT ("restaurantId", phone) DO UPDATE SET
      "firstName" = coalesce(EXCLUDED."firstName", "Customer"."firstName"),
      "lastName" = coalesce(EXCLUDED."lastName", "Customer"."lastName"),
      email = coalesce(EXCLUDED.email, "Customer".email),
      "orderCount" = "Customer"."orderCount" + 1,
      "totalSpentCents" = "Customer"."totalSpentCents" + EXCLUDED."totalSpentCents",
      "lastOrderAt" = EXCLUDED."lastOrderAt", "updatedAt" = EXCLUDED."updatedAt"
    RETURNING id, "firstName", "lastName"
  ), o AS (
    INSERT INTO "Order"
    SELECT r.* FROM n LEFT JOIN cu ON true, jsonb_populate_record(null::"Order", $9::jsonb || jsonb_build_object(
      'number', n."lastNumber", 'customerId', cu.id,
      -- The name given now, else the one the customer is known by.
      'customerName', nullif(concat_ws(' ', nullif(coalesce($10, cu."firstName"), ''), nullif(coalesce($11, cu."lastName"), '')), ''))) AS r
    RETURNING *
  ), it AS (
    INSERT INTO "OrderItem"
    SELECT r.* FROM o, jsonb_array_elements($12::jsonb) AS x(line), jsonb_populate_record(null::"OrderItem", x.line || jsonb_build_object('orderId', o.id)) AS r
    RETURNING *
  ), ev AS (
    INSERT INTO "LiveEvent" ("restaurantId", type, payload)
    SELECT o."restaurantId", 'order.created', jsonb_build_object('orderId', o.id, 'number', o.number, 'type', o.type, 'totalCents', o."totalCents") FROM o
  )
  SELECT o.*, (SELECT coalesce(json_agg(it ORDER BY it."sortOrder"), '[]') FROM it) AS items FROM o`;

export interface KitchenCap {
  maxOrders: number | null;
  maxItems: number | null;
}

// Kitchen capacity, checked again where two orders cannot both take the last
// place in a slot: under the restaurant's kitchen lock, by a statement that
// starts once the lock is held, so it sees every order committed before.
/** Held while an order takes or changes its place in a capped kitchen slot. */
export const KITCHEN_LOCK = `SELECT pg_advisory_xact_lock(hashtext('vo_kitchen:' || $1::text))`;
const SLOT_MS = 15 * 60_000;
// The load query reads orders by promise time; an order's slot is when it must be ready, up to a delivery earlier.
const LONGEST_DELIVERY_MS = 6 * 3600_000;

type LoadRow = { slot: Date; orders: number; items: number };

/**
 * The kitchen slot of an order (when it must be ready: a delivery leaves
 * before it arrives), and the load query's arguments to count that slot,
 * leaving out `ignoreOrderId` (an order being changed). UTC quarter hours are
 * local ones: every offset in use is a multiple of 15 minutes.
 */
export function kitchenSlot(promisedAt: Date, deliveryDurationS: number | null, restaurantId: string, ignoreOrderId: string | null = null) {
  const slot = Math.floor((promisedAt.getTime() - (deliveryDurationS ?? 0) * 1000) / SLOT_MS) * SLOT_MS;
  return { slot, loadValues: [restaurantId, new Date(slot), new Date(slot + SLOT_MS + LONGEST_DELIVERY_MS), ignoreOrderId] };
}

/** Whether one more order of `items` items fits the slot, as the load query counted it. */
export function fitsKitchenCap(load: LoadRow[], slot: number, cap: KitchenCap, items: number): boolean {
  const taken = load.find((r) => r.slot.getTime() === slot) ?? { orders: 0, items: 0 };
  if (cap.maxOrders != null && Number(taken.orders) >= cap.maxOrders) return false;
  return !(cap.maxItems != null && Number(taken.items) + items > cap.maxItems);
}

export function orderInsert(sql: Sql) {
  async function insertOn(db: SqlQuery, o: NewOrder, lines: NewOrderLine[]): Promise<OrderRow> {
    const d = o.delivery;
    const order = {
      id: randomUUID(), restaurantId: o.restaurantId, type: o.type, status: o.status, source: o.source,
      customerPhone: o.customer?.phone ?? null, callId: o.callId, offerId: o.offerId, requestedFor: o.requestedFor, promisedAt: o.promisedAt,
      deliveryLine1: d?.line1 ?? null, deliveryLine2: d?.line2 ?? null, deliveryPostcode: d?.postcode ?? null, deliveryCity: d?.city ?? null,
      deliveryLatitude: d?.latitude ?? null, deliveryLongitude: d?.longitude ?? null, deliveryInstructions: d?.instructions ?? null,
      deliveryZoneId: d?.zoneId ?? null, deliveryDistanceM: d?.distanceM ?? null, deliveryDurationS: d?.durationS ?? null,
      tableLabel: o.tableLabel, subtotalCents: o.subtotalCents, discountCents: o.discountCents, deliveryFeeCents: o.deliveryFeeCents,
      totalCents: o.totalCents, pricingBreakdown: o.pricingBreakdown, notes: o.notes, allergyNotes: o.allergyNotes, cancelReason: null,
      idempotencyKey: o.idempotencyKey, statusChangedAt: o.now, confirmedAt: o.status === 'confirmed' ? o.now : null,
      completedAt: null, cancelledAt: null, createdAt: o.now, updatedAt: o.now,
    };
    const items = lines.map((l, i) => ({ id: randomUUID(), ...l, options: l.options ?? [], formulaChoices: l.formulaChoices ?? [], sortOrder: i }));
    const c = o.customer;
    const rows = await db.query<OrderRow>({
      name: 'order-insert', text: INSERT_ORDER, values: [
        o.restaurantId, randomUUID(), c?.phone ?? null, c?.firstName ?? null, c?.lastName ?? null, c?.email ?? null, o.totalCents, o.now,
        JSON.stringify(order), o.givenName.firstName, o.givenName.lastName, JSON.stringify(items),
      ],
    });
    const row = rows[0];
    if (!row) throw new Error('order insert returned no row');
    return row;
  }

  return {
    /** The order with this idempotency key, or (with a call) the one already taken on that call. */
    async findExisting(idempotencyKey: string, callId: string | null): Promise<OrderRow[]> {
      return sql.query<OrderRow>({
        name: 'order-existing', text: `${ORDER_SELECT} WHERE o."idempotencyKey" = $1 OR o."callId" = $2`, values: [idempotencyKey, callId],
      });
    },

    insert: (o: NewOrder, lines: NewOrderLine[]): Promise<OrderRow> => insertOn(sql, o, lines),

    /** The order, unless its kitchen slot (as the load query counts it) is full by now: then null. */
    insertWithinCap(o: NewOrder, lines: NewOrderLine[], cap: KitchenCap): Promise<OrderRow | null> {
      const { slot, loadValues } = kitchenSlot(o.promisedAt, o.type === 'delivery' ? (o.delivery?.durationS ?? 0) : null, o.restaurantId);
      const items = lines.reduce((n, l) => n + l.quantity, 0);
      return sql.transaction(async (tx) => {
        await tx.query({ name: 'kitchen-lock', text: KITCHEN_LOCK, values: [o.restaurantId] });
        const load = await tx.query<LoadRow>({ name: 'kitchen-load', text: KITCHEN_LOAD, values: loadValues });
        return fitsKitchenCap(load, slot, cap, items) ? insertOn(tx, o, lines) : null;
      });
    },
  };
}
