// The demo's activity: customers, calls, orders, reservations, FAQ and messages,
// built in memory from `now`, then written with a handful of bulk inserts.
import { bookedDuringCall, buildDemoCalls, type CallDraft } from './demo-calls.ts';
import { plusMinutes } from './demo-clock.ts';
import { customerStats, DEMO_CUSTOMERS } from './demo-customers.ts';
import { idsBy, json, need, type Ids, type Tx } from './demo-db.ts';
import { buildDemoFaqs, buildDemoMessages } from './demo-knowledge.ts';
import { buildDemoOrders, type OrderDraft } from './demo-orders.ts';
import { buildDemoReservations, type ReservationDraft } from './demo-reservations.ts';
import { demoOffers, type DemoOffer } from './demo-venue.ts';

export interface DemoActivity {
  orders: OrderDraft[]; reservations: ReservationDraft[]; calls: CallDraft[];
  faqs: ReturnType<typeof buildDemoFaqs>; messages: ReturnType<typeof buildDemoMessages>; offers: DemoOffer[];
}

export function buildActivity(now: Date): DemoActivity {
  const orders = buildDemoOrders(now);
  const calls = buildDemoCalls(now, orders);
  const callEnd = (key: string): Date => need(new Map(calls.map((c) => [c.key, c.endedAt])), key, 'call');
  return {
    orders, calls,
    reservations: buildDemoReservations(now, (key) => bookedDuringCall(calls, key)),
    faqs: buildDemoFaqs(now),
    messages: buildDemoMessages(now, callEnd, (customerKey) => lastDelivery(orders, customerKey)),
    offers: demoOffers(now),
  };
}

function lastDelivery(orders: OrderDraft[], customerKey: string): Date {
  const done = orders.filter((o) => o.customerKey === customerKey && o.type === 'delivery' && o.completedAt);
  const last = done.at(-1)?.completedAt;
  if (!last) throw new Error(`No completed demo delivery for ${customerKey}`);
  return last;
}

export async function insertActivity(tx: Tx, restaurantId: string, now: Date, a: DemoActivity, ids: Ids): Promise<void> {
  const customerIds = await insertCustomers(tx, restaurantId, now, a);
  const customerId = (key: string | null): string | null => (key ? need(customerIds, key, 'customer') : null);

  const callRows = await tx.call.createManyAndReturn({
    data: a.calls.map(({ key: _k, did, customerKey, turns: _t, tools: _tools, ...c }) => ({
      ...c, restaurantId, phoneLineId: need(ids.lineIds, did, 'phone line'), customerId: customerId(customerKey),
      language: 'fr' as const, createdAt: c.startedAt, updatedAt: c.endedAt,
    })),
    select: { id: true, channelId: true },
  });
  const callIdByChannel = idsBy(callRows, (c) => c.channelId ?? '');
  const callIds = new Map(a.calls.map((c) => [c.key, need(callIdByChannel, c.channelId, 'call')]));
  const callId = (key: string | null): string | null => (key ? need(callIds, key, 'call') : null);
  await tx.callTurn.createMany({
    data: a.calls.flatMap((c) => c.turns.map((t) => ({ ...t, callId: need(callIds, c.key, 'call') }))),
  });
  await tx.toolInvocation.createMany({
    data: a.calls.flatMap((c) => c.tools.map((t) => ({
      ...t, arguments: json(t.arguments), result: json(t.result), ok: true, callId: need(callIds, c.key, 'call'),
    }))),
  });

  const orderIds = idsBy(await tx.order.createManyAndReturn({
    data: a.orders.map((o) => ({
      restaurantId, number: o.number, type: o.type, status: o.status, source: o.source,
      customerId: customerId(o.customerKey), customerName: o.customerName, customerPhone: o.customerPhone,
      callId: callId(o.callKey), offerId: o.offer ? need(ids.offerIds, o.offer.name, 'offer') : null,
      requestedFor: o.requestedFor, promisedAt: o.promisedAt,
      ...(o.delivery ? {
        deliveryLine1: o.delivery.address.line1, deliveryLine2: o.delivery.address.line2 ?? null,
        deliveryPostcode: o.delivery.address.postcode, deliveryCity: 'Marseille',
        deliveryLatitude: o.delivery.address.latitude, deliveryLongitude: o.delivery.address.longitude,
        deliveryInstructions: o.delivery.address.deliveryInstructions ?? null,
        deliveryZoneId: need(ids.zoneIds, o.delivery.zone.name, 'zone'),
        deliveryDistanceM: o.delivery.distanceM, deliveryDurationS: o.delivery.durationS,
      } : {}),
      subtotalCents: o.subtotalCents, discountCents: o.discountCents, deliveryFeeCents: o.deliveryFeeCents, totalCents: o.totalCents,
      pricingBreakdown: json(o.breakdown), notes: o.notes, allergyNotes: o.allergyNotes, cancelReason: o.cancelReason,
      idempotencyKey: o.idempotencyKey, statusChangedAt: o.statusChangedAt,
      confirmedAt: o.confirmedAt, completedAt: o.completedAt, cancelledAt: o.cancelledAt,
      createdAt: o.createdAt, updatedAt: o.statusChangedAt,
    })),
    select: { id: true, idempotencyKey: true },
  }), (o) => o.idempotencyKey);
  await tx.orderItem.createMany({
    data: a.orders.flatMap((o) => o.lines.map((l, i) => ({
      orderId: need(orderIds, o.idempotencyKey, 'order'),
      menuItemId: l.itemName ? need(ids.itemIds, l.itemName, 'item') : null,
      formulaId: l.formulaName ? need(ids.formulaIds, l.formulaName, 'formula') : null,
      name: l.name, unitPriceCents: l.unitPriceCents, quantity: l.quantity, lineTotalCents: l.lineTotalCents,
      options: json(l.options),
      formulaChoices: json(l.formulaChoices.map((c) => ({
        step: c.step, itemId: need(ids.itemIds, c.item, 'item'), name: c.item, supplementCents: c.supplementCents,
      }))),
      notes: l.notes, sortOrder: i,
    }))),
  });

  const reservationIds = idsBy(await tx.reservation.createManyAndReturn({
    data: a.reservations.map(({ customerKey, service, room, tables: _t, callKey, ...r }) => ({
      ...r, restaurantId, customerId: customerId(customerKey), callId: callId(callKey),
      serviceId: need(ids.serviceIds, service, 'service'), roomId: need(ids.roomIds, room, 'room'), updatedAt: r.statusChangedAt,
    })),
    select: { id: true, idempotencyKey: true },
  }), (r) => r.idempotencyKey);
  await tx.reservationTable.createMany({
    data: a.reservations.flatMap((r) => r.tables.map((t) => ({
      reservationId: need(reservationIds, r.idempotencyKey, 'reservation'), tableId: need(ids.tableIds, t, 'table'),
    }))),
  });

  await tx.faq.createMany({ data: a.faqs.map((f) => ({ ...f, restaurantId, updatedAt: f.answeredAt ?? f.lastAskedAt })) });
  await tx.message.createMany({
    data: a.messages.map(({ callKey, customerKey, ...m }) => ({
      ...m, restaurantId, callId: callId(callKey), customerId: customerId(customerKey), updatedAt: m.handledAt ?? m.createdAt,
    })),
  });
}

async function insertCustomers(tx: Tx, restaurantId: string, now: Date, a: DemoActivity): Promise<Map<string, string>> {
  const stats = customerStats(a.orders, a.reservations, a.calls);
  const byPhone = idsBy(await tx.customer.createManyAndReturn({
    data: DEMO_CUSTOMERS.map((c) => {
      const since = plusMinutes(now, -c.sinceDays * 24 * 60);
      return {
        restaurantId, phone: c.phone, firstName: c.firstName, lastName: c.lastName, email: c.email ?? null,
        locale: c.locale ?? 'fr', notes: c.notes ?? null, allergies: c.allergies ?? [], allergyNotes: c.allergyNotes ?? null,
        marketingConsent: c.marketingConsent, consentAt: c.marketingConsent ? since : null,
        ...need(stats, c.key, 'customer'), createdAt: since,
      };
    }),
    select: { id: true, phone: true },
  }), (c) => c.phone);
  const ids = new Map(DEMO_CUSTOMERS.map((c) => [c.key, need(byPhone, c.phone, 'customer')]));
  await tx.customerAddress.createMany({
    data: DEMO_CUSTOMERS.flatMap((c) => c.addresses.map((addr) => ({
      customerId: need(ids, c.key, 'customer'), label: addr.label, line1: addr.line1, line2: addr.line2 ?? null,
      postcode: addr.postcode, city: 'Marseille', latitude: addr.latitude, longitude: addr.longitude,
      geocodeQuality: 'exact' as const, deliveryInstructions: addr.deliveryInstructions ?? null,
      lastUsedAt: a.orders.filter((o) => o.delivery?.address === addr).at(-1)?.createdAt ?? null,
      createdAt: plusMinutes(now, -c.sinceDays * 24 * 60),
    }))),
  });
  return ids;
}
