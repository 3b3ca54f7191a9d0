// What each tool does. Handlers return data for the model, or a short French
// message it can act on; business refusals are never exceptions here.
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { toLocal } from '../../domain/calendar.ts';
import type { OrderService } from '../commerce/order-service.ts';
import type { ReservationService } from '../commerce/reservation-service.ts';
import { resolveLocal } from '../commerce/availability-service.ts';
import type { DeliveryService } from '../../delivery/index.ts';
import { normalizeQuestion } from '../operations/faq-key.ts';
import { publishLiveEvent } from '../../live/publish.ts';
import { linesFromCodes } from './tool-lines.ts';
import type { Knowledge } from './knowledge-cache.ts';
import type { ToolName, ToolSchemas } from './tools.ts';

export interface ToolOutcome {
  ok: boolean;
  data?: unknown;
  message?: string;
  action?: 'transfer' | 'end_call';
}

export interface CallInfo {
  id: string;
  restaurantId: string;
  callerNumber: string | null;
  customerId: string | null;
}

export interface ToolDeps {
  prisma: PrismaClient;
  orders: OrderService;
  reservations: ReservationService;
  delivery: Pick<DeliveryService, 'checkDeliveryAddress'>;
}

type Args<N extends ToolName> = z.infer<ToolSchemas[N]>;
type Handler<N extends ToolName> = (args: Args<N>, ctx: { call: CallInfo; k: Knowledge; toolCallId: string; now: Date; deps: ToolDeps }) => Promise<ToolOutcome>;

const fail = (message: string, data?: unknown): ToolOutcome => ({ ok: false, message, ...(data === undefined ? {} : { data }) });
const PHONE = { source: 'phone_ai', channel: 'phone' } as const;

function orderRequest(a: Args<'quote_order'>, k: Knowledge) {
  const lines = linesFromCodes(a.lines, k.codes);
  if (!lines.ok) return lines;
  return {
    ok: true as const,
    req: {
      type: a.type, lines: lines.lines,
      requestedFor: a.date && a.time ? { date: a.date, time: a.time } : null,
      ...(a.delivery_address ? { delivery: a.delivery_address } : {}),
    },
  };
}

const localTime = (iso: Date, tz: string) => { const l = toLocal(iso, tz); return { date: l.date, time: l.time }; };

export const handlers: { [N in ToolName]: Handler<N> } = {
  async check_availability(a, { call, k, now, deps }) {
    const tz = k.restaurant.timeZone;
    if (a.kind === 'reservation') {
      if (!a.party_size) return fail('Demande le nombre de personnes.');
      const date = a.date ?? toLocal(now, tz).date;
      if (a.time) {
        const check = await deps.reservations.availability.checkReservation(call.restaurantId, { requestedAt: resolveLocal({ date, time: a.time }, tz), partySize: a.party_size }, now);
        return check.ok
          ? { ok: true, data: { available: true, date, time: a.time, service: check.service.name, prepaymentRequired: check.prepaymentRequired } }
          : { ok: true, data: { available: false, reason: check.reason, alternatives: check.alternatives.map((d) => localTime(d, tz)) }, message: check.message };
      }
      const slots = await deps.reservations.availability.reservationSlots(call.restaurantId, date, a.party_size, now);
      const free = slots.services.map((s) => ({ service: s.service.name, times: s.slots.filter((x) => x.available).map((x) => x.localTime) }));
      return { ok: true, data: { date, services: free } };
    }
    const requestedAt = a.date && a.time ? resolveLocal({ date: a.date, time: a.time }, tz) : null;
    const f = await deps.reservations.availability.fulfilment(call.restaurantId, { type: a.kind, requestedAt, itemsInOrder: 1 }, now);
    return {
      ok: true,
      data: {
        earliest: f.earliest ? localTime(f.earliest, tz) : null, next: f.next.map((d) => localTime(d, tz)),
        ...(requestedAt ? { requestedOk: f.requestedOk ?? false } : {}), ...(f.reason ? { reason: f.reason } : {}),
      },
    };
  },

  async check_delivery_address(a, { call, now, deps }) {
    const r = await deps.delivery.checkDeliveryAddress(call.restaurantId, { line1: a.line1, postcode: a.postcode, city: a.city }, now);
    return {
      ok: true,
      data: {
        deliverable: r.deliverable, reason: r.reason, needsConfirmation: r.needsConfirmation, hint: r.confirmationHint,
        address: { line1: r.address.line1, postcode: r.address.postcode, city: r.address.city },
        zone: r.zone ? { name: r.zone.name, feeCents: r.zone.feeCents, minOrderCents: r.zone.minOrderCents, freeAboveCents: r.zone.freeAboveCents } : null,
        summary: r.summary,
      },
    };
  },

  async quote_order(a, { call, k, now, deps }) {
    const o = orderRequest(a, k);
    if (!o.ok) return fail(o.message);
    const q = await deps.orders.quote(call.restaurantId, o.req, PHONE, now);
    return { ok: true, data: { readBack: q.readBack, totalCents: q.totalCents, promisedTime: q.promisedLocalTime, delivery: q.delivery?.summary ?? null } };
  },

  async confirm_order(a, { call, k, toolCallId, now, deps }) {
    const o = orderRequest(a, k);
    if (!o.ok) return fail(o.message);
    const idempotencyKey = `call:${call.id}:${toolCallId}`;
    // A second order on this call (another tool-call id) is refused by create, with the first one's number.
    const [firstName, ...rest] = a.customer_name.trim().split(/\s+/);
    const r = await deps.orders.create(call.restaurantId, {
      ...o.req, customer: { ...(call.callerNumber ? { phone: call.callerNumber } : {}), firstName, ...(rest.length ? { lastName: rest.join(' ') } : {}) },
      ...(a.notes ? { notes: a.notes } : {}), ...(a.allergy_notes ? { allergyNotes: a.allergy_notes } : {}),
      idempotencyKey, source: 'phone_staff',
    }, { ...PHONE, callId: call.id }, now);
    const order = r.order;
    return {
      ok: true,
      data: {
        confirmed: true, orderNumber: order.number, totalCents: order.totalCents,
        promisedTime: order.promisedAt ? toLocal(new Date(order.promisedAt), k.restaurant.timeZone).time : null,
      },
    };
  },

  async modify_order(a, { call, k, now, deps }) {
    const lines = linesFromCodes(a.lines, k.codes);
    if (!lines.ok) return fail(lines.message);
    const r = await deps.orders.amendCallOrder(call.restaurantId, call.id, {
      lines: lines.lines, ...(a.notes ? { notes: a.notes } : {}), ...(a.allergy_notes ? { allergyNotes: a.allergy_notes } : {}),
    }, { ...PHONE, callId: call.id }, now);
    const order = r.order;
    return {
      ok: true,
      data: {
        modified: true, orderNumber: order.number, totalCents: order.totalCents, previousTotalCents: r.previousTotalCents,
        readBack: r.readBack,
        promisedTime: order.promisedAt ? toLocal(new Date(order.promisedAt), k.restaurant.timeZone).time : null,
      },
    };
  },

  async confirm_reservation(a, { call, toolCallId, now, deps }) {
    const r = await deps.reservations.create(call.restaurantId, {
      at: { date: a.date, time: a.time }, partySize: a.party_size,
      customer: { name: a.customer_name, ...(call.callerNumber ? { phone: call.callerNumber } : {}) },
      ...(a.notes ? { notes: a.notes } : {}), allergies: a.allergies ?? [],
      idempotencyKey: `call:${call.id}:${toolCallId}`, source: 'phone_staff',
    }, { source: 'phone_ai', callId: call.id }, now);
    const x = r.reservation;
    return { ok: true, data: { confirmed: true, date: x.localDate, time: x.localTime, partySize: x.partySize, prepaymentRequired: x.prepaymentRequired } };
  },

  async cancel_or_modify_reservation(a, { call, now, deps }) {
    if (!call.callerNumber) return fail("Le numéro est masqué : demande le nom et la date, puis propose de transférer à l'équipe.");
    const upcoming = await deps.reservations.upcomingByPhone(call.restaurantId, call.callerNumber, now);
    if (upcoming.length === 0) return fail('Aucune réservation à venir pour ce numéro. Demande si elle a été faite avec un autre numéro.');
    const list = upcoming.map((r) => ({ reservation_id: r.id, date: r.localDate, time: r.localTime, partySize: r.partySize, name: r.customerName }));
    if (a.action === 'list') return { ok: true, data: { reservations: list } };
    const target = a.reservation_id ? upcoming.find((r) => r.id === a.reservation_id) : upcoming.length === 1 ? upcoming[0] : undefined;
    if (!target) return fail('Plusieurs réservations : demande laquelle, puis rappelle avec reservation_id.', { reservations: list });
    if (a.action === 'cancel') {
      await deps.reservations.changeStatus(call.restaurantId, target.id, 'cancelled', 'Annulée par téléphone', now);
      return { ok: true, data: { cancelled: true, date: target.localDate, time: target.localTime } };
    }
    const at = a.date || a.time ? { date: a.date ?? target.localDate, time: a.time ?? target.localTime } : undefined;
    const updated = await deps.reservations.modify(call.restaurantId, target.id, { at, partySize: a.party_size }, now);
    return { ok: true, data: { modified: true, date: updated.localDate, time: updated.localTime, partySize: updated.partySize } };
  },

  async save_customer_info(a, { call, now, deps }) {
    if (!call.callerNumber) return fail("Numéro masqué : impossible d'enregistrer la fiche.");
    const customer = await deps.prisma.$transaction(async (tx) => {
      const c = await tx.customer.upsert({
        where: { restaurantId_phone: { restaurantId: call.restaurantId, phone: call.callerNumber! } },
        create: { restaurantId: call.restaurantId, phone: call.callerNumber!, firstName: a.first_name ?? null, lastName: a.last_name ?? null, email: a.email ?? null, allergies: a.allergies ?? [], notes: a.notes ?? null },
        update: {
          ...(a.first_name ? { firstName: a.first_name } : {}), ...(a.last_name ? { lastName: a.last_name } : {}),
          ...(a.email ? { email: a.email } : {}), ...(a.allergies ? { allergies: a.allergies } : {}), ...(a.notes ? { notes: a.notes } : {}),
        },
      });
      if (a.address) {
        await tx.customerAddress.create({ data: { customerId: c.id, line1: a.address.line1, postcode: a.address.postcode, city: a.address.city, deliveryInstructions: a.address.instructions ?? null, lastUsedAt: now } });
      }
      await tx.call.update({ where: { id: call.id }, data: { customerId: c.id } });
      return c;
    });
    return { ok: true, data: { saved: true, customerId: customer.id } };
  },

  async log_unknown_question(a, { call, now, deps }) {
    const key = normalizeQuestion(a.question);
    await deps.prisma.$transaction(async (tx) => {
      const faq = await tx.faq.upsert({
        where: { restaurantId_normalizedKey: { restaurantId: call.restaurantId, normalizedKey: key } },
        create: { restaurantId: call.restaurantId, question: a.question, normalizedKey: key, source: 'ai', lastAskedAt: now },
        update: { timesAsked: { increment: 1 }, lastAskedAt: now },
      });
      await publishLiveEvent(tx, call.restaurantId, faq.timesAsked === 1 ? 'faq.created' : 'faq.updated', { faqId: faq.id, question: faq.question, timesAsked: faq.timesAsked });
    });
    return { ok: true, data: { logged: true }, message: "Dis que tu transmets la question à l'équipe et propose de prendre un message." };
  },

  async take_message(a, { call, now, deps }) {
    await deps.prisma.$transaction(async (tx) => {
      const m = await tx.message.create({
        data: {
          restaurantId: call.restaurantId, callId: call.id, customerId: call.customerId, callerName: a.name ?? null,
          callerPhone: call.callerNumber, body: a.message, callbackWanted: a.callback_wanted, createdAt: now,
        },
      });
      await publishLiveEvent(tx, call.restaurantId, 'message.created', { messageId: m.id, callerName: m.callerName, callbackWanted: m.callbackWanted });
    });
    return { ok: true, data: { saved: true } };
  },

  async transfer_to_human(a, { k }) {
    const r = k.restaurant;
    if (!r.transferTargetKind || !r.transferTarget) {
      return fail("Aucun transfert n'est possible : propose de prendre un message (take_message).");
    }
    return { ok: true, data: { transferring: true, reason: a.reason }, action: 'transfer' };
  },

  async end_call() {
    return { ok: true, data: { ending: true }, action: 'end_call' };
  },
};

/** An AppError below 500 is a refusal the model must hear; anything else is ours. */
export function refusal(e: unknown): ToolOutcome | null {
  if (!(e instanceof AppError) || !e.exposable) return null;
  const details = e.details as { alternatives?: unknown; next?: unknown } | undefined;
  return fail(e.message, details && (details.alternatives || details.next) ? { alternatives: details.alternatives ?? details.next } : undefined);
}
