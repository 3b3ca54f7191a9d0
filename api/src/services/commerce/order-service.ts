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
import { customerRepository } from '../../repositories/commerce/customer-repository.ts';
import { toE164 } from '../../util/phone.ts';
import { availabilityService, resolveLocal } from './availability-service.ts';
import { cachedRules } from './cached-rules.ts';
import type { CreateOrderRequest, OrderDetail, OrderQuote, QuoteOrderRequest } from '../../contract/commerce.ts';
import type { DeliveryService, DeliveryCheckResult as DeliveryCheck } from '../../delivery/index.ts';

/** What order creation needs from the delivery module. */
export type DeliveryChecker = Pick<DeliveryService, 'checkDeliveryAddress'>;

export interface OrderOrigin {
  source: 'phone_ai' | 'phone_staff' | 'dashboard';
  channel: 'phone' | 'dashboard';
  callId?: string;
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';

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

export function orderService(prisma: PrismaClient, delivery: DeliveryChecker) {
  const rulesRepo = cachedRules(restaurantRulesRepository(prisma));
  const availability = availabilityService(rulesRepo);
  const orders = orderRepository(prisma);

  async function quote(restaurantId: string, req: QuoteOrderRequest, origin: OrderOrigin, now: Date) {
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
      const items = req.lines.reduce((s, l) => s + l.quantity, 0);
      const f = await availability.fulfilment(restaurantId, {
        type: req.type, requestedAt, itemsInOrder: items,
        ...(check ? { deliveryDurationMinutes: Math.ceil((check.durationS ?? check.zone!.etaMinutes * 60) / 60) } : {}),
      }, now);
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

    /** Creates the order once per idempotency key; a repeat returns the first result. */
    async create(restaurantId: string, req: CreateOrderRequest, origin: OrderOrigin, now: Date): Promise<{ order: OrderDetail; replayed: boolean }> {
      const existing = await orders.findByIdempotencyKey(req.idempotencyKey);
      if (existing) return replay(existing, restaurantId);
      const q = await quote(restaurantId, req, origin, now);
      const phone = toE164(req.customer.phone);
      if (req.customer.phone && !phone) throw new AppError('order_invalid', "Ce numéro de téléphone n'est pas valide.", { code: 'phone_invalid' });
      // The number is taken in its own statement, not inside the transaction: the counter's row
      // lock would otherwise be held for the whole transaction and every order of the restaurant
      // would wait in line (57 orders/s at 100 concurrent callers). A failed create leaves a gap
      // in the numbering, which a kitchen ticket never needs to be without.
      const number = await orders.nextNumber(prisma, restaurantId);
      try {
        const order = await prisma.$transaction(async (tx) => {
          const customers = customerRepository();
          const customer = phone ? await customers.upsertByPhone(tx, restaurantId, phone, req.customer, { totalCents: q.priced.totalCents, at: now }) : null;
          const created = await orders.create(tx, orderData(restaurantId, number, req, origin, q, customer, phone, now));
          await publishLiveEvent(tx, restaurantId, 'order.created', { orderId: created.id, number, type: created.type, totalCents: created.totalCents });
          return created;
        });
        return { order: toOrderDetail(order), replayed: false };
      } catch (e) {
        // A concurrent request with the same key won the race: answer with its order.
        if (isUniqueViolation(e)) {
          const winner = await orders.findByIdempotencyKey(req.idempotencyKey);
          if (winner) return replay(winner, restaurantId);
          if (origin.callId) throw new AppError('conflict', 'Une commande est déjà enregistrée pour cet appel.');
        }
        throw e;
      }
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

function orderData(
  restaurantId: string, number: number, req: CreateOrderRequest, origin: OrderOrigin,
  q: { priced: PricingResult; check: DeliveryCheck | null; requestedAt: Date | null; promisedAt: Date },
  customer: { id: string; firstName: string | null; lastName: string | null } | null, phone: string | null, now: Date,
): Prisma.OrderUncheckedCreateInput {
  const { priced, check } = q;
  const name = [req.customer.firstName ?? customer?.firstName, req.customer.lastName ?? customer?.lastName].filter(Boolean).join(' ');
  return {
    restaurantId, number, type: req.type, status: origin.source === 'dashboard' ? 'confirmed' : 'pending',
    source: origin.source, customerId: customer?.id ?? null, customerName: name || null, customerPhone: phone,
    callId: origin.callId ?? null, offerId: priced.appliedOffer?.id ?? null,
    requestedFor: q.requestedAt, promisedAt: q.promisedAt,
    ...(check?.zone ? {
      deliveryLine1: check.address.line1, deliveryLine2: req.delivery?.line2 ?? null, deliveryPostcode: check.address.postcode,
      deliveryCity: check.address.city, deliveryLatitude: check.address.lat, deliveryLongitude: check.address.lng,
      deliveryInstructions: req.delivery?.instructions ?? null, deliveryZoneId: check.zone.id,
      deliveryDistanceM: check.distanceM, deliveryDurationS: check.durationS,
    } : {}),
    tableLabel: req.tableLabel ?? null,
    subtotalCents: priced.subtotalCents, discountCents: priced.discountCents, deliveryFeeCents: priced.deliveryFeeCents,
    totalCents: priced.totalCents, pricingBreakdown: { readBack: priced.readBack, appliedOffer: priced.appliedOffer },
    notes: req.notes ?? null, allergyNotes: req.allergyNotes ?? null, idempotencyKey: req.idempotencyKey,
    statusChangedAt: now, ...(origin.source === 'dashboard' ? { confirmedAt: now } : {}),
    items: {
      create: priced.lines.map((l, i) => ({
        menuItemId: l.menuItemId, formulaId: l.formulaId, name: l.name, unitPriceCents: l.unitPriceCents, quantity: l.quantity,
        options: l.options as unknown as Prisma.InputJsonValue, formulaChoices: l.formulaChoices as unknown as Prisma.InputJsonValue,
        lineTotalCents: l.lineTotalCents, notes: l.notes ?? null, sortOrder: i,
      })),
    },
  };
}
