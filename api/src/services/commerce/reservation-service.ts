// Reservations: availability-checked creation under a per-restaurant lock,
// changes, status moves, and the sync outbox written in the same transaction.
import { AppError } from '../../errors.ts';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { toLocal } from '../../domain/calendar.ts';
import { assertTransition, nextReservationStatuses, type ReservationStatus } from '../../domain/status-machines.ts';
import { publishLiveEvent, type LiveEventType } from '../../live/publish.ts';
import { restaurantRulesRepository } from '../../repositories/commerce/restaurant-rules-repository.ts';
import { reservationRepository, type ReservationRow } from '../../repositories/commerce/reservation-repository.ts';
import { customerRepository } from '../../repositories/commerce/customer-repository.ts';
import { toE164 } from '../../util/phone.ts';
import { availabilityService, resolveLocal } from './availability-service.ts';
import type { CreateReservationRequest, ReservationDetail } from '../../contract/commerce.ts';
import { awaitPlatformPush, platformName } from '../../sync/agent-gate.ts';

export interface ReservationOrigin {
  source: 'phone_ai' | 'phone_staff' | 'dashboard';
  callId?: string;
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';

export function toReservationDetail(r: ReservationRow, timeZone: string): ReservationDetail {
  const local = toLocal(r.startsAt, timeZone);
  return {
    id: r.id, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), localDate: local.date, localTime: local.time,
    partySize: r.partySize, status: r.status, nextStatuses: nextReservationStatuses(r.status), source: r.source,
    customerId: r.customerId, customerName: r.customerName, customerPhone: r.customerPhone, customerEmail: r.customerEmail,
    serviceId: r.serviceId, offerId: r.offerId, roomId: r.roomId, tableIds: r.tables.map((t) => t.tableId),
    notes: r.notes, allergies: r.allergies, allergyNotes: r.allergyNotes, prepaymentRequired: r.prepaymentRequired,
    callId: r.callId, cancelReason: r.cancelReason, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** The availability refusal as an error the agent can read out, with alternatives. */
function unavailable(check: { reason: string; message: string; alternatives: Date[] }, timeZone: string): AppError {
  const alternatives = check.alternatives.map((d) => ({ startsAt: d.toISOString(), ...toLocal(d, timeZone) }))
    .map(({ startsAt, date, time }) => ({ startsAt, date, time }));
  const code = check.reason === 'in_the_past' ? 'in_the_past'
    : check.reason === 'outside_service' || check.reason === 'closed' ? 'outside_service'
      : check.reason.startsWith('party_') ? 'reservation_invalid' : 'slot_unavailable';
  return new AppError(code, check.message, { reason: check.reason, alternatives });
}

export function reservationService(prisma: PrismaClient) {
  const availability = availabilityService(restaurantRulesRepository(prisma));
  const reservations = reservationRepository(prisma);

  async function outbox(tx: Prisma.TransactionClient, restaurantId: string, event: string, r: ReservationRow) {
    const platforms = await reservations.enabledPlatforms(tx, restaurantId);
    await reservations.addOutbox(tx, platforms.map((p) => ({
      restaurantId, platform: p.platform, event, entityType: 'reservation' as const, entityId: r.id,
      payload: { reservationId: r.id, status: r.status, startsAt: r.startsAt.toISOString(), partySize: r.partySize },
    })));
  }

  async function emit(tx: Prisma.TransactionClient, restaurantId: string, type: LiveEventType, r: ReservationRow, extra: Record<string, unknown> = {}) {
    await publishLiveEvent(tx, restaurantId, type, { reservationId: r.id, startsAt: r.startsAt.toISOString(), partySize: r.partySize, status: r.status, ...extra } as Prisma.InputJsonValue);
    await outbox(tx, restaurantId, type === 'reservation.created' ? 'reservation.created' : r.status === 'cancelled' ? 'reservation.cancelled' : 'reservation.updated', r);
  }

  /**
   * The agent's booking waits for the platforms: one that refuses the slot (taken
   * there meanwhile) cancels it here and the caller hears other times instead.
   */
  async function refuseOnPlatformConflict(restaurantId: string, r: ReservationRow, timeZone: string, now: Date) {
    const verdict = await awaitPlatformPush(prisma, restaurantId, r.id);
    if (verdict.ok) return;
    const where = platformName(verdict.platform);
    await prisma.$transaction(async (tx) => {
      const repo = reservationRepository(tx);
      await repo.updateStatus(tx, r.id, r.status, { status: 'cancelled', statusChangedAt: now, cancelReason: `Créneau déjà pris sur ${where}` });
      await emit(tx, restaurantId, 'reservation.status_changed', (await repo.find(restaurantId, r.id))!, { from: r.status, to: 'cancelled' });
    });
    const local = toLocal(r.startsAt, timeZone);
    const day = await availability.reservationSlots(restaurantId, local.date, r.partySize, now);
    const target = r.startsAt.getTime();
    const alternatives = day.services.flatMap((s) => s.slots).filter((s) => s.available && s.startsAt.getTime() !== target).map((s) => s.startsAt)
      .sort((a, b) => Math.abs(a.getTime() - target) - Math.abs(b.getTime() - target) || a.getTime() - b.getTime()).slice(0, 3);
    throw unavailable({
      reason: 'slot_full', alternatives,
      message: `${local.time.replace(':', 'h')} vient d'être pris sur ${where}.${alternatives.length ? ' Proposez un des autres horaires.' : ' Proposez un autre jour.'}`,
    }, timeZone);
  }

  return {
    async create(restaurantId: string, req: CreateReservationRequest, origin: ReservationOrigin, now: Date) {
      const existing = await reservations.findByIdempotencyKey(req.idempotencyKey);
      const rules = await availability.rulesOf(restaurantId);
      if (existing) {
        if (existing.restaurantId !== restaurantId) throw new AppError('idempotency_conflict', 'This idempotency key was already used');
        return { reservation: toReservationDetail(existing, rules.timeZone), replayed: true };
      }
      if (rules.suspended) throw new AppError('forbidden', 'Ce restaurant ne prend pas de réservations pour le moment');
      const requestedAt = resolveLocal(req.at, rules.timeZone);
      const phone = toE164(req.customer.phone);
      if (req.customer.phone && !phone) throw new AppError('reservation_invalid', "Ce numéro de téléphone n'est pas valide.");
      try {
        const created = await prisma.$transaction(async (tx) => {
          await reservations.lockRestaurant(tx, restaurantId);
          // Checked again under the lock: the slot may have gone while the caller spoke.
          const check = await availabilityService(restaurantRulesRepository(tx)).checkReservation(restaurantId, { requestedAt, partySize: req.partySize }, now);
          if (!check.ok) throw unavailable(check, rules.timeZone);
          const customers = customerRepository();
          const customer = phone ? await customers.upsertByPhone(tx, restaurantId, phone, splitName(req.customer.name, req.customer)) : null;
          const tables = check.tableIds;
          const roomId = tables.length ? (await tx.diningTable.findFirst({ where: { id: tables[0]! }, select: { roomId: true } }))?.roomId ?? null : null;
          const r = await reservations.create(tx, {
            restaurantId, startsAt: check.startsAt, endsAt: check.endsAt, partySize: req.partySize,
            status: origin.source === 'dashboard' ? 'confirmed' : 'pending', source: origin.source,
            customerId: customer?.id ?? null, customerName: req.customer.name, customerPhone: phone, customerEmail: req.customer.email ?? null,
            serviceId: check.service.id, offerId: req.offerId ?? null, roomId, notes: req.notes ?? null,
            allergies: req.allergies, allergyNotes: req.allergyNotes ?? null, callId: origin.callId ?? null,
            idempotencyKey: req.idempotencyKey, prepaymentRequired: check.prepaymentRequired, statusChangedAt: now,
          }, tables);
          if (customer) await customers.countReservation(tx, customer.id);
          await emit(tx, restaurantId, 'reservation.created', r, { customerName: r.customerName });
          return r;
        }, { timeout: 15_000 });
        if (origin.source === 'phone_ai') await refuseOnPlatformConflict(restaurantId, created, rules.timeZone, now);
        return { reservation: toReservationDetail(created, rules.timeZone), replayed: false };
      } catch (e) {
        if (isUniqueViolation(e)) {
          const winner = await reservations.findByIdempotencyKey(req.idempotencyKey);
          if (winner && winner.restaurantId === restaurantId) return { reservation: toReservationDetail(winner, rules.timeZone), replayed: true };
        }
        throw e;
      }
    },

    async get(restaurantId: string, id: string) {
      const [r, rules] = await Promise.all([reservations.find(restaurantId, id), availability.rulesOf(restaurantId)]);
      if (!r) throw new AppError('not_found', 'Réservation introuvable');
      return toReservationDetail(r, rules.timeZone);
    },

    async list(restaurantId: string, where: Prisma.ReservationWhereInput, page: number, pageSize: number) {
      const rules = await availability.rulesOf(restaurantId);
      const r = await reservations.list({ ...where, restaurantId }, page, pageSize);
      return { items: r.items.map((x) => toReservationDetail(x, rules.timeZone)), total: r.total, page, pageSize };
    },

    async upcomingByPhone(restaurantId: string, phone: string, now: Date) {
      const rules = await availability.rulesOf(restaurantId);
      return (await reservations.upcomingByPhone(restaurantId, phone, now)).map((r) => toReservationDetail(r, rules.timeZone));
    },

    /** Moves a booking (time and/or party size), re-checking availability without counting itself. */
    async modify(restaurantId: string, id: string, change: { at?: { date: string; time: string } | undefined; partySize?: number | undefined; notes?: string | null | undefined; allergyNotes?: string | null | undefined }, now: Date) {
      const rules = await availability.rulesOf(restaurantId);
      const updated = await prisma.$transaction(async (tx) => {
        await reservations.lockRestaurant(tx, restaurantId);
        const r = await reservationRepository(tx).find(restaurantId, id);
        if (!r) throw new AppError('not_found', 'Réservation introuvable');
        if (!['pending', 'confirmed'].includes(r.status)) {
          throw new AppError('illegal_transition', 'Cette réservation ne peut plus être modifiée', { status: r.status });
        }
        const data: Prisma.ReservationUncheckedUpdateInput = {};
        let tables: string[] | undefined;
        if (change.at || change.partySize) {
          const requestedAt = change.at ? resolveLocal(change.at, rules.timeZone) : r.startsAt;
          const partySize = change.partySize ?? r.partySize;
          const check = await availabilityService(restaurantRulesRepository(tx)).checkReservation(restaurantId, { requestedAt, partySize, ignoreReservationId: id }, now);
          if (!check.ok) throw unavailable(check, rules.timeZone);
          Object.assign(data, { startsAt: check.startsAt, endsAt: check.endsAt, partySize, serviceId: check.service.id, prepaymentRequired: check.prepaymentRequired });
          tables = check.tableIds;
        }
        if (change.notes !== undefined) data.notes = change.notes;
        if (change.allergyNotes !== undefined) data.allergyNotes = change.allergyNotes;
        const saved = await reservations.update(tx, id, data, tables);
        await emit(tx, restaurantId, 'reservation.updated', saved);
        return saved;
      }, { timeout: 15_000 });
      return toReservationDetail(updated, rules.timeZone);
    },

    async changeStatus(restaurantId: string, id: string, to: ReservationStatus, reason: string | undefined, now: Date) {
      const rules = await availability.rulesOf(restaurantId);
      const updated = await prisma.$transaction(async (tx) => {
        const repo = reservationRepository(tx);
        const r = await repo.find(restaurantId, id);
        if (!r) throw new AppError('not_found', 'Réservation introuvable');
        assertTransition('reservation', r.status, to, nextReservationStatuses(r.status));
        const n = await repo.updateStatus(tx, id, r.status, { status: to, statusChangedAt: now, ...(to === 'cancelled' ? { cancelReason: reason ?? null } : {}) });
        if (n.count === 0) throw new AppError('conflict', 'La réservation vient de changer ; rechargez-la');
        if (to === 'no_show' && r.customerId) await tx.customer.update({ where: { id: r.customerId }, data: { noShowCount: { increment: 1 } } });
        const saved = (await repo.find(restaurantId, id))!;
        await emit(tx, restaurantId, 'reservation.status_changed', saved, { from: r.status, to });
        return saved;
      });
      return toReservationDetail(updated, rules.timeZone);
    },

    availability,
  };
}
export type ReservationService = ReturnType<typeof reservationService>;

function splitName(full: string, c: { firstName?: string | undefined; lastName?: string | undefined; email?: string | undefined }) {
  if (c.firstName || c.lastName) return c;
  const parts = full.trim().split(/\s+/);
  return parts.length > 1 ? { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1), email: c.email } : { lastName: full.trim(), email: c.email };
}
