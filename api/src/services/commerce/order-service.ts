// Orders: quote (price + promised time), create (idempotent), status changes.
// The same code serves the dashboard and the phone agent, so a caller is never
// promised what the kitchen screen would refuse.
import { AppError } from '../../errors.ts';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { priceOrder } from '../../domain/pricing.ts';
import type { PricingResult } from '../../domain/pricing-types.ts';
import { toLocal } from '../../domain/calendar.ts';
import { assertTransition, nextOrderStatuses, type OrderStatus } from '../../domain/status-machines.ts';
import { publishLiveEvent } from '../../live/publish.ts';
import { restaurantRulesRepository } from '../../repositories/commerce/restaurant-rules-repository.ts';
import { orderRepository, type OrderRow } from '../../repositories/commerce/order-repository.ts';
import { orderInsert, type NewOrder } from '../../repositories/commerce/order-insert.ts';
import type { Sql } from '../../db/sql.ts';
import { toE164 } from '../../util/phone.ts';
import { availabilityService, resolveLocal } from './availability-service.ts';
import { cachedRules } from './cached-rules.ts';
import type { CatalogChanges } from '../../live/catalog-changes.ts';
import type { CreateOrderRequest, OrderDetail, OrderQuote, QuoteOrderRequest } from '../../contract/commerce.ts';
import type { DeliveryService, DeliveryCheckResult as DeliveryCheck } from '../../delivery/index.ts';

/** What order creation needs from the delivery module. */
export type DeliveryChecker = Pick<DeliveryService, 'checkDeliveryAddress'>;

export interface OrderOrigin {
  source: 'phone_ai' | 'phone_staff' | 'dashboard';
  channel: 'phone' | 'dashboard';
  callId?: string;
}

/** What a caller may change in an order already taken: its lines, and its notes. */
export interface OrderAmendment {
  lines: QuoteOrderRequest['lines'];
  notes?: string;
  allergyNotes?: string;
}

// Plain data (strings, numbers, arrays of them) typed by the pricing module, not by Prisma's Json types.
const asJson = (v: unknown) => v as Prisma.InputJsonValue;

// Until the kitchen starts it: after that, a change is for a person to agree.
const AMENDABLE: ReadonlySet<OrderStatus> = new Set(['pending', 'confirmed']);

// PostgreSQL's unique_violation, as pg and PGlite both report it.
const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === '23505';

export function toOrderDetail(o: OrderRow): OrderDetail {
  return {
    id: o.id, number: o.number, type: o.type, status: o.status, nextStatuses: nextOrderStatuses(o.status, o.type),
    source: o.source, customerId: o.customerId, customerName: o.customerName, customerPhone: o.customerPhone, callId: o.callId,
    requestedFor: o.requestedFor?.toISOString() ?? null, promisedAt: o.promisedAt?.toISOString() ?? null,
    delivery: o.type === 'delivery' && o.deliveryLine1 ? {
      line1: o.deliveryLine1, line2: o.deliveryLine2, postcode: o.deliveryPostcode ?? '', city: o.deliveryCity ?? '',
      instructions: o.deliveryInstructions, zoneId: o.deliveryZoneId, distanceM: o.deliveryDistanceM, durationS: o.deliveryDurationS,
    } : null,
    tableLabel: o.tableLabel,
    items: o.items.map((i) => ({
      id: i.id, menuItemId: i.menuItemId, formulaId: i.formulaId, name: i.name, quantity: i.quantity,
      unitPriceCents: i.unitPriceCents, lineTotalCents: i.lineTotalCents,
      options: i.options as OrderDetail['items'][number]['options'],
      formulaChoices: i.formulaChoices as OrderDetail['items'][number]['formulaChoices'], notes: i.notes,
    })),
    subtotalCents: o.subtotalCents, discountCents: o.discountCents, deliveryFeeCents: o.deliveryFeeCents, totalCents: o.totalCents,
    notes: o.notes, allergyNotes: o.allergyNotes, cancelReason: o.cancelReason,
    createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString(),
  };
}

export function orderService(db: { prisma: PrismaClient; sql: Sql }, delivery: DeliveryChecker, catalog?: CatalogChanges) {
  const { prisma } = db;
  const rulesRepo = cachedRules(restaurantRulesRepository(prisma, db.sql), catalog);
  const inserts = orderInsert(db.sql);
  const availability = availabilityService(rulesRepo);
  const orders = orderRepository(prisma);

  function fulfilment(restaurantId: string, type: 'pickup' | 'delivery', lines: QuoteOrderRequest['lines'], check: DeliveryCheck | null, requestedAt: Date | null, now: Date, ignoreOrderId?: string) {
    return availability.fulfilment(restaurantId, {
      type, requestedAt, itemsInOrder: lines.reduce((s, l) => s + l.quantity, 0), ...(ignoreOrderId ? { ignoreOrderId } : {}),
      ...(check ? { deliveryDurationMinutes: Math.ceil((check.durationS ?? check.zone!.etaMinutes * 60) / 60) } : {}),
    }, now);
  }

  /** `amending`: the order this quote would replace, which does not compete with itself for the kitchen. */
  async function quote(restaurantId: string, req: QuoteOrderRequest, origin: OrderOrigin, now: Date, amending?: string) {
    const rules = await availability.rulesOf(restaurantId);
    if (rules.suspended) throw new AppError('forbidden', 'Ce restaurant ne prend pas de commandes pour le moment');
    const accepted = { pickup: rules.accepts.pickup, delivery: rules.accepts.delivery, dine_in: rules.accepts.dineIn }[req.type];
    if (!accepted) throw new AppError('order_invalid', `Le restaurant ne propose pas ce mode (${req.type}).`, { code: 'type_not_offered' });

    let check: DeliveryCheck | null = null;
    if (req.type === 'delivery') {
      if (!req.delivery) throw new AppError('order_invalid', "Il manque l'adresse de livraison.", { code: 'address_missing' });
      check = await delivery.checkDeliveryAddress(restaurantId, {
        line1: req.delivery.line1, postcode: req.delivery.postcode, city: req.delivery.city,
        ...(req.delivery.customerAddressId ? { customerAddressId: req.delivery.customerAddressId } : {}),
      }, now);
      if (!check.deliverable || !check.zone) {
        throw new AppError('not_deliverable', check.reason === 'address_not_found'
          ? "Je ne trouve pas cette adresse. Pouvez-vous la répéter, avec le code postal ?"
          : "Cette adresse est en dehors de notre zone de livraison. Proposez la vente à emporter.", { reason: check.reason });
      }
    }
    const requestedAt = req.requestedFor ? resolveLocal(req.requestedFor, rules.timeZone) : null;
    const [menu, offers] = await Promise.all([rulesRepo.menu(restaurantId), rulesRepo.offers(restaurantId)]);
    const priced = priceOrder({
      menu, lines: req.lines, type: req.type, channel: origin.channel, offers, now, requestedAt, timeZone: rules.timeZone,
      deliveryZone: check?.zone ?? null,
    });
    if (!priced.ok) throw new AppError('order_invalid', priced.message, { code: priced.code, ...priced.details });

    let promisedAt: Date;
    if (req.type === 'dine_in') {
      promisedAt = requestedAt ?? now;
    } else {
      const f = await fulfilment(restaurantId, req.type, req.lines, check, requestedAt, now, amending);
      if (requestedAt) {
        if (!f.requestedOk) throw fulfilmentRefusal(f.reason, f.next, rules.timeZone);
        promisedAt = requestedAt;
      } else {
        if (!f.earliest) throw fulfilmentRefusal(f.reason ?? 'closed', f.next, rules.timeZone);
        promisedAt = f.earliest;
      }
    }
    return { rules, priced, check, requestedAt, promisedAt };
  }

  function quoteResponse(q: Awaited<ReturnType<typeof quote>>): OrderQuote {
    const { priced, check } = q;
    return {
      lines: priced.lines.map((l) => ({ ...l, notes: l.notes ?? null })), subtotalCents: priced.subtotalCents,
      discountCents: priced.discountCents, appliedOffer: priced.appliedOffer, deliveryFeeCents: priced.deliveryFeeCents,
      totalCents: priced.totalCents, readBack: priced.readBack,
      promisedAt: q.promisedAt.toISOString(), promisedLocalTime: toLocal(q.promisedAt, q.rules.timeZone).time,
      delivery: check?.zone ? {
        zoneId: check.zone.id, zoneName: check.zone.name, distanceM: check.distanceM, durationS: check.durationS,
        summary: check.summary ?? '', needsConfirmation: check.needsConfirmation,
      } : null,
    };
  }

  return {
    async quote(restaurantId: string, req: QuoteOrderRequest, origin: OrderOrigin, now: Date): Promise<OrderQuote> {
      return quoteResponse(await quote(restaurantId, req, origin, now));
    },

    /**
     * Creates the order once per idempotency key; a repeat returns the first
     * result. On a call, a second order with another key is refused.
     */
    async create(restaurantId: string, req: CreateOrderRequest, origin: OrderOrigin, now: Date): Promise<{ order: OrderDetail; replayed: boolean }> {
      const callId = origin.callId ?? null;
      const earlier = await inserts.findExisting(req.idempotencyKey, callId);
      const same = earlier.find((o) => o.idempotencyKey === req.idempotencyKey);
      if (same) return replay(same, restaurantId);
      if (earlier[0]) throw alreadyOnCall(earlier[0].number);
      const q = await quote(restaurantId, req, origin, now);
      const phone = toE164(req.customer.phone);
      if (req.customer.phone && !phone) throw new AppError('order_invalid', "Ce numéro de téléphone n'est pas valide.", { code: 'phone_invalid' });
      const lines = q.priced.lines.map((l) => ({
        menuItemId: l.menuItemId, formulaId: l.formulaId, name: l.name, unitPriceCents: l.unitPriceCents, quantity: l.quantity,
        options: l.options, formulaChoices: l.formulaChoices, lineTotalCents: l.lineTotalCents, notes: l.notes ?? null,
      }));
      const { slotMaxOrders, slotMaxItems } = q.rules.kitchen;
      // The quote saw room in the kitchen slot; with a cap, the insert checks again under a lock (another call may have just taken it).
      const kitchenType = req.type === 'dine_in' ? null : req.type;
      const capped = kitchenType !== null && (slotMaxOrders != null || slotMaxItems != null);
      try {
        const o = newOrder(restaurantId, req, origin, q, phone, now);
        const order = capped ? await inserts.insertWithinCap(o, lines, { maxOrders: slotMaxOrders, maxItems: slotMaxItems }) : await inserts.insert(o, lines);
        if (!order) {
          // Taken meanwhile: the nearest times still free, around the one asked for if any.
          const f = await fulfilment(restaurantId, kitchenType ?? 'pickup', req.lines, q.check, q.requestedAt, now);
          throw fulfilmentRefusal('kitchen_full', f.next, q.rules.timeZone);
        }
        return { order: toOrderDetail(order), replayed: false };
      } catch (e) {
        // A concurrent request with the same key (or on the same call) won the race: answer with its order.
        if (isUniqueViolation(e)) {
          const won = await inserts.findExisting(req.idempotencyKey, callId);
          const winner = won.find((o) => o.idempotencyKey === req.idempotencyKey);
          if (winner) return replay(winner, restaurantId);
          if (won[0]) throw alreadyOnCall(won[0].number);
        }
        throw e;
      }
    },

    /**
     * Replaces the lines (and, when given, the notes) of the order taken on a
     * call, while the kitchen has not started it: a caller who adds a drink
     * after confirming. Re-priced and re-timed like a new order of the same
     * type, address and requested time; the caller's spending follows the new total.
     */
    async amendCallOrder(restaurantId: string, callId: string, change: OrderAmendment, origin: OrderOrigin, now: Date): Promise<{ order: OrderDetail; previousTotalCents: number; readBack: PricingResult['readBack'] }> {
      const o = await orders.findByCall(restaurantId, callId);
      if (!o) throw new AppError('not_found', "Aucune commande n'est encore enregistrée pour cet appel : utilise confirm_order.");
      if (!AMENDABLE.has(o.status)) {
        throw new AppError('conflict', `La commande n° ${o.number} est déjà ${o.status === 'cancelled' ? 'annulée' : 'en préparation'} : elle ne peut plus être modifiée. Propose de transférer à l'équipe.`, { orderNumber: o.number, status: o.status });
      }
      const { timeZone } = await availability.rulesOf(restaurantId);
      const requested = o.requestedFor ? toLocal(o.requestedFor, timeZone) : null;
      const q = await quote(restaurantId, {
        type: o.type, lines: change.lines,
        requestedFor: requested ? { date: requested.date, time: requested.time } : null,
        ...(o.type === 'delivery' && o.deliveryLine1 ? { delivery: { line1: o.deliveryLine1, postcode: o.deliveryPostcode ?? '', city: o.deliveryCity ?? '' } } : {}),
      }, origin, now, o.id);
      const { priced } = q;
      const { slotMaxOrders: maxOrders, slotMaxItems: maxItems } = q.rules.kitchen;
      const capped = o.type !== 'dine_in' && (maxOrders != null || maxItems != null);
      const updated = await prisma.$transaction(async (tx) => {
        const deliveryDurationS = o.type === 'delivery' ? (q.check?.durationS ?? 0) : null;
        // As for a new order: the quote saw room, and under the kitchen's lock the slot is counted again.
        if (capped && !(await orders.kitchenHasRoom(tx, { restaurantId, id: o.id, promisedAt: q.promisedAt, deliveryDurationS }, { maxOrders, maxItems }, priced.lines.reduce((n, l) => n + l.quantity, 0)))) {
          throw new AppError('outside_service', "La cuisine est complète à cette heure-là : ce changement ne peut pas être pris. Propose de transférer à l'équipe.", { reason: 'kitchen_full' });
        }
        // Conditional on what was read: a status change (the kitchen starting it) or another change meanwhile wins.
        const replaced = await orders.replaceLines(tx, o, [...AMENDABLE], {
          subtotalCents: priced.subtotalCents, discountCents: priced.discountCents, deliveryFeeCents: priced.deliveryFeeCents,
          totalCents: priced.totalCents, offerId: priced.appliedOffer?.id ?? null, promisedAt: q.promisedAt,
          pricingBreakdown: asJson({ readBack: priced.readBack, appliedOffer: priced.appliedOffer }),
          ...(change.notes !== undefined ? { notes: change.notes } : {}),
          ...(change.allergyNotes !== undefined ? { allergyNotes: change.allergyNotes } : {}),
          updatedAt: now,
        }, priced.lines.map((l) => ({
          menuItemId: l.menuItemId, formulaId: l.formulaId, name: l.name, unitPriceCents: l.unitPriceCents, quantity: l.quantity,
          options: asJson(l.options), formulaChoices: asJson(l.formulaChoices), lineTotalCents: l.lineTotalCents, notes: l.notes ?? null,
        })));
        if (!replaced) throw new AppError('conflict', `La commande n° ${o.number} vient de changer en cuisine : propose de transférer à l'équipe.`, { orderNumber: o.number });
        await publishLiveEvent(tx, restaurantId, 'order.updated', {
          orderId: o.id, number: o.number, totalCents: priced.totalCents, previousTotalCents: o.totalCents,
        });
        return (await orderRepository(tx).find(restaurantId, o.id))!;
      });
      return { order: toOrderDetail(updated), previousTotalCents: o.totalCents, readBack: priced.readBack };
    },

    async get(restaurantId: string, id: string): Promise<OrderDetail> {
      const o = await orders.find(restaurantId, id);
      if (!o) throw new AppError('not_found', 'Commande introuvable');
      return toOrderDetail(o);
    },

    async list(restaurantId: string, where: Prisma.OrderWhereInput, page: number, pageSize: number) {
      const r = await orders.list({ ...where, restaurantId }, page, pageSize);
      return { items: r.items.map(toOrderDetail), total: r.total, page, pageSize };
    },

    async changeStatus(restaurantId: string, id: string, to: OrderStatus, reason: string | undefined, now: Date): Promise<OrderDetail> {
      const o = await orders.find(restaurantId, id);
      if (!o) throw new AppError('not_found', 'Commande introuvable');
      assertTransition('order', o.status, to, nextOrderStatuses(o.status, o.type));
      const updated = await prisma.$transaction(async (tx) => {
        const stamp = to === 'confirmed' ? { confirmedAt: now } : to === 'completed' ? { completedAt: now } : to === 'cancelled' ? { cancelledAt: now, cancelReason: reason ?? null } : {};
        const n = await orders.updateStatus(tx, id, o.status, { status: to, statusChangedAt: now, ...stamp });
        if (n.count === 0) throw new AppError('conflict', 'La commande vient de changer ; rechargez-la', { current: (await orders.find(restaurantId, id))?.status });
        await publishLiveEvent(tx, restaurantId, 'order.status_changed', { orderId: id, number: o.number, from: o.status, to });
        return (await orderRepository(tx).find(restaurantId, id))!;
      });
      return toOrderDetail(updated);
    },
  };
}
export type OrderService = ReturnType<typeof orderService>;

function replay(o: OrderRow, restaurantId: string): { order: OrderDetail; replayed: boolean } {
  // Keys are global: a key reused by another restaurant must not reveal its order.
  if (o.restaurantId !== restaurantId) throw new AppError('idempotency_conflict', 'This idempotency key was already used');
  return { order: toOrderDetail(o), replayed: true };
}

function fulfilmentRefusal(reason: string | undefined, next: Date[], timeZone: string): AppError {
  const times = next.slice(0, 3).map((d) => toLocal(d, timeZone).time);
  const proposal = times.length ? ` Proposez : ${times.join(', ')}.` : '';
  const text = reason === 'kitchen_full' ? 'La cuisine est complète à cette heure-là.'
    : reason === 'in_the_past' ? 'Cette heure est déjà passée.'
      : reason === 'too_soon' ? "C'est trop tôt pour préparer la commande."
        : 'Le restaurant est fermé à cette heure-là.';
  return new AppError('outside_service', text + proposal, { reason: reason ?? 'closed', next: next.map((d) => d.toISOString()) });
}

function alreadyOnCall(number: number): AppError {
  return new AppError('conflict', `La commande n° ${number} est déjà enregistrée pour cet appel. Pour la changer, utilise modify_order avec la liste complète des articles.`, { orderNumber: number });
}

function newOrder(
  restaurantId: string, req: CreateOrderRequest, origin: OrderOrigin,
  q: { priced: PricingResult; check: DeliveryCheck | null; requestedAt: Date | null; promisedAt: Date }, phone: string | null, now: Date,
): NewOrder {
  const { priced, check } = q;
  // Empty names never overwrite a known customer's.
  const firstName = req.customer.firstName || null, lastName = req.customer.lastName || null;
  return {
    restaurantId, type: req.type, status: origin.source === 'dashboard' ? 'confirmed' : 'pending', source: origin.source,
    customer: phone ? { phone, firstName, lastName, email: req.customer.email || null } : null,
    givenName: { firstName, lastName },
    callId: origin.callId ?? null, offerId: priced.appliedOffer?.id ?? null, requestedFor: q.requestedAt, promisedAt: q.promisedAt,
    delivery: check?.zone ? {
      line1: check.address.line1, line2: req.delivery?.line2 ?? null, postcode: check.address.postcode, city: check.address.city,
      latitude: check.address.lat, longitude: check.address.lng, instructions: req.delivery?.instructions ?? null,
      zoneId: check.zone.id, distanceM: check.distanceM, durationS: check.durationS,
    } : null,
    tableLabel: req.tableLabel ?? null,
    subtotalCents: priced.subtotalCents, discountCents: priced.discountCents, deliveryFeeCents: priced.deliveryFeeCents, totalCents: priced.totalCents,
    pricingBreakdown: { readBack: priced.readBack, appliedOffer: priced.appliedOffer },
    notes: req.notes ?? null, allergyNotes: req.allergyNotes ?? null, idempotencyKey: req.idempotencyKey, now,
  };
}
