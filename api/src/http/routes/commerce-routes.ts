import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { route, type AnyRouteSpec } from '../route.ts';
import { Id } from '../../contract/common.ts';
import {
  CreateOrderRequest, CreateReservationRequest, FulfilmentQuery, FulfilmentResponse, OrderDetail, OrderListQuery, OrderQuote,
  OrderStatusChange, Paginated, QuoteOrderRequest, ReservationDetail, ReservationListQuery, ReservationStatusChange,
  SlotsQuery, SlotsResponse, UpdateReservationRequest,
} from '../../contract/commerce.ts';
import { orderService } from '../../services/commerce/order-service.ts';
import { reservationService } from '../../services/commerce/reservation-service.ts';
import { resolveLocal } from '../../services/commerce/availability-service.ts';
import { createDeliveryService } from '../../delivery/index.ts';
import { localDateBounds, toLocal } from '../../domain/calendar.ts';
import { toE164 } from '../../util/phone.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

const R = z.object({ restaurantId: Id });
const RO = R.extend({ orderId: Id });
const RR = R.extend({ reservationId: Id });
const DASHBOARD = { source: 'dashboard', channel: 'dashboard' } as const;
const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** Orders and reservations: lists, creation, status changes, availability. */
export function commerceRoutes(ctx: AppContext): AnyRouteSpec[] {
  const orders = orderService(ctx.db, createDeliveryService(ctx), ctx.catalog);
  const reservations = reservationService(ctx.db.prisma);

  async function dateRange(restaurantId: string, from?: string, to?: string) {
    if (!from && !to) return undefined;
    const { timeZone } = await reservations.availability.rulesOf(restaurantId);
    return {
      ...(from ? { gte: localDateBounds(from, timeZone).start } : {}),
      ...(to ? { lt: localDateBounds(to, timeZone).end } : {}),
    };
  }

  return [
    route({
      method: 'get', path: '/restaurants/:restaurantId/orders', tag: 'orders', access: 'any',
      summary: 'Orders, newest first; filter by status, type, local dates, or a name/phone/number search',
      params: R, query: OrderListQuery, response: Paginated(OrderDetail),
      handler: async ({ params, query }) => {
        const created = await dateRange(params.restaurantId, query.from, query.to);
        const phone = toE164(query.q);
        const where: Prisma.OrderWhereInput = {
          ...(query.status ? { status: { in: asList(query.status) } } : {}),
          ...(query.type ? { type: query.type } : {}),
          ...(created ? { createdAt: created } : {}),
          ...(query.q ? {
            OR: [
              { customerName: { contains: query.q, mode: 'insensitive' } },
              ...(phone ? [{ customerPhone: phone }] : []),
              ...(/^\d+$/.test(query.q) ? [{ number: Number(query.q) }] : []),
            ],
          } : {}),
        };
        return orders.list(params.restaurantId, where, query.page, query.pageSize);
      },
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/orders/:orderId', tag: 'orders', access: 'any',
      summary: 'One order with its lines, options and formula choices', params: RO, response: OrderDetail,
      handler: ({ params }) => orders.get(params.restaurantId, params.orderId),
    }),
    route({
      method: 'post', path: '/restaurants/:restaurantId/orders/quote', tag: 'orders', access: 'any', status: 200,
      summary: 'Price an order and find its promised time, without creating it', params: R, body: QuoteOrderRequest, response: OrderQuote,
      handler: ({ params, body, now }) => orders.quote(params.restaurantId, body, DASHBOARD, now),
    }),
    route({
      method: 'post', path: '/restaurants/:restaurantId/orders', tag: 'orders', access: 'user',
      summary: 'Create an order from the dashboard (idempotent by idempotencyKey: a repeat answers 200 with the first order)',
      params: R, body: CreateOrderRequest, response: OrderDetail,
      handler: async ({ params, body, res, now }) => {
        const r = await orders.create(params.restaurantId, body, { source: body.source, channel: 'dashboard' }, now);
        res.status(r.replayed ? 200 : 201).json(r.order);
        return r.order;
      },
    }),
    route({
      method: 'patch', path: '/restaurants/:restaurantId/orders/:orderId/status', tag: 'orders', access: 'any',
      summary: 'Move an order along its status machine; an illegal move answers 409 with the allowed next statuses',
      params: RO, body: OrderStatusChange, response: OrderDetail,
      handler: ({ params, body, now }) => orders.changeStatus(params.restaurantId, params.orderId, body.status, body.reason, now),
    }),

    route({
      method: 'get', path: '/restaurants/:restaurantId/reservations', tag: 'reservations', access: 'any',
      summary: 'Reservations in time order; filter by status, local dates, or a name/phone search',
      params: R, query: ReservationListQuery, response: Paginated(ReservationDetail),
      handler: async ({ params, query }) => {
        const startsAt = await dateRange(params.restaurantId, query.from, query.to);
        const phone = toE164(query.q);
        return reservations.list(params.restaurantId, {
          ...(query.status ? { status: { in: asList(query.status) } } : {}),
          ...(startsAt ? { startsAt } : {}),
          ...(query.q ? { OR: [{ customerName: { contains: query.q, mode: 'insensitive' } }, ...(phone ? [{ customerPhone: phone }] : [])] } : {}),
        }, query.page, query.pageSize);
      },
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/reservations/:reservationId', tag: 'reservations', access: 'any',
      summary: 'One reservation', params: RR, response: ReservationDetail,
      handler: ({ params }) => reservations.get(params.restaurantId, params.reservationId),
    }),
    route({
      method: 'post', path: '/restaurants/:restaurantId/reservations', tag: 'reservations', access: 'user',
      summary: 'Book a table with the same availability rules as the agent (idempotent by idempotencyKey)',
      params: R, body: CreateReservationRequest, response: ReservationDetail,
      handler: async ({ params, body, res, now }) => {
        const r = await reservations.create(params.restaurantId, body, { source: body.source }, now);
        res.status(r.replayed ? 200 : 201).json(r.reservation);
        return r.reservation;
      },
    }),
    route({
      method: 'patch', path: '/restaurants/:restaurantId/reservations/:reservationId', tag: 'reservations', access: 'any',
      summary: 'Move a reservation or change its party size or notes; the new slot is checked', params: RR,
      body: UpdateReservationRequest, response: ReservationDetail,
      handler: ({ params, body, now }) => reservations.modify(params.restaurantId, params.reservationId, body, now),
    }),
    route({
      method: 'patch', path: '/restaurants/:restaurantId/reservations/:reservationId/status', tag: 'reservations', access: 'any',
      summary: 'Confirm, seat, complete, mark no-show or cancel; an illegal move answers 409 with the allowed ones',
      params: RR, body: ReservationStatusChange, response: ReservationDetail,
      handler: ({ params, body, now }) => reservations.changeStatus(params.restaurantId, params.reservationId, body.status, body.reason, now),
    }),

    route({
      method: 'get', path: '/restaurants/:restaurantId/availability/reservations', tag: 'availability', access: 'any',
      summary: 'Free reservation slots for a local date and party size', params: R, query: SlotsQuery, response: SlotsResponse,
      handler: async ({ params, query, now }) => {
        const r = await reservations.availability.reservationSlots(params.restaurantId, query.date, query.partySize, now);
        return {
          timeZone: r.timeZone,
          services: r.services.map((s) => ({
            service: s.service,
            slots: s.slots.map((x) => ({ startsAt: x.startsAt.toISOString(), localTime: x.localTime, available: x.available, ...(x.reason ? { reason: x.reason } : {}) })),
          })),
        };
      },
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/availability/fulfilment', tag: 'availability', access: 'any',
      summary: 'Earliest and next pickup or delivery times, or whether a requested local time works',
      params: R, query: FulfilmentQuery, response: FulfilmentResponse,
      handler: async ({ params, query, now }) => {
        const rules = await reservations.availability.rulesOf(params.restaurantId);
        const requestedAt = query.date && query.time ? resolveLocal({ date: query.date, time: query.time }, rules.timeZone) : null;
        const f = await reservations.availability.fulfilment(params.restaurantId, {
          type: query.type, requestedAt, itemsInOrder: query.items,
          ...(query.deliveryMinutes === undefined ? {} : { deliveryDurationMinutes: query.deliveryMinutes }),
        }, now);
        return {
          earliest: f.earliest?.toISOString() ?? null, earliestLocalTime: f.earliest ? toLocal(f.earliest, rules.timeZone).time : null,
          next: f.next.map((d) => d.toISOString()), ...(f.requestedOk === undefined ? {} : { requestedOk: f.requestedOk }),
          ...(f.reason ? { reason: f.reason } : {}),
        };
      },
    }),
  ];
}
