// Reservation availability for one local day: the bookable slots of each
// service and the verdict on a requested time. Slot times are local wall-clock
// ("19:30" stays 19:30 across DST); capacity is compared on UTC instants.
import { toLocal } from '../calendar.ts';
import { addMinutes, hhmmOf, isoWeekdayOf, localDateBounds, localMinutesToUtc, minutesOf } from '../calendar.ts';
import { dayOverride } from './opening.ts';
import { fitTables } from './tables.ts';
import {
  holdsCapacity, turnMinutesFor,
  type DiningServiceInput, type ExistingReservation, type ReservationContext,
} from './reservation-inputs.ts';

export type SlotRefusal = 'in_the_past' | 'party_too_small' | 'party_too_large' | 'service_full' | 'slot_full' | 'no_table';

export interface ReservationSlot {
  startsAt: Date;
  endsAt: Date;
  /** Local "HH:MM" as the guest hears it. */
  localTime: string;
  available: boolean;
  reason?: SlotRefusal;
  tableIds?: string[];
}

export interface ServiceSlots {
  service: { id: string; name: string };
  slots: ReservationSlot[];
}

interface ServiceDay {
  service: DiningServiceInput;
  windowStart: Date;
  windowEnd: Date;
  slotStarts: Date[];
}

function serviceDay(service: DiningServiceInput, date: string, timeZone: string): ServiceDay {
  const start = minutesOf(service.startTime);
  const after = (hhmm: string, orEqual: boolean) => {
    const m = minutesOf(hhmm);
    return m < start || (orEqual && m === start) ? m + 1440 : m; // a service may run past midnight
  };
  const last = after(service.lastSeatingTime, false);
  const slotStarts: Date[] = [];
  for (let m = start; m <= last; m += Math.max(1, service.slotIntervalMinutes)) {
    const at = localMinutesToUtc(date, m, timeZone);
    // A wall time skipped by the spring change does not exist: no guest can be
    // told "02:30" that night, so the slot is dropped rather than moved.
    if (toLocal(at, timeZone).time === hhmmOf(m)) slotStarts.push(at);
  }
  return {
    service, slotStarts,
    windowStart: localMinutesToUtc(date, start, timeZone),
    windowEnd: localMinutesToUtc(date, after(service.endTime, true), timeZone),
  };
}

function servicesOn(ctx: Pick<ReservationContext, 'services' | 'closures' | 'timeZone'>, date: string): ServiceDay[] {
  if (dayOverride(ctx.closures, date).kind === 'closed') return [];
  const weekday = isoWeekdayOf(date);
  return ctx.services
    .filter((s) => s.active && (s.weekdays.length === 0 || s.weekdays.includes(weekday)))
    .map((s) => serviceDay(s, date, ctx.timeZone));
}

/**
 * Covers attached to a service that day: by explicit service id anywhere in the
 * local day (staff may seat walk-ins off-grid), else by falling in its window.
 */
function belongs(day: ServiceDay, localDay: { start: Date; end: Date }, at: Date, serviceId: string | null | undefined): boolean {
  if (!serviceId) return at >= day.windowStart && at < day.windowEnd;
  const end = day.windowEnd > localDay.end ? day.windowEnd : localDay.end;
  return serviceId === day.service.id && at >= localDay.start && at < end;
}

function slotsForService(ctx: ReservationContext, day: ServiceDay, held: ExistingReservation[], localDay: { start: Date; end: Date }): ReservationSlot[] {
  const { service } = day;
  const party = ctx.partySize;
  const turn = turnMinutesFor(service, party);
  const interval = Math.max(1, service.slotIntervalMinutes);
  const serviceCovers =
    held.filter((r) => belongs(day, localDay, r.startsAt, r.serviceId)).reduce((n, r) => n + r.partySize, 0) +
    ctx.externalLoad.filter((e) => belongs(day, localDay, e.slotStart, e.serviceId)).reduce((n, e) => n + e.covers, 0);

  return day.slotStarts.map((startsAt) => {
    const endsAt = addMinutes(startsAt, turn);
    const slotEnd = addMinutes(startsAt, interval);
    const base = { startsAt, endsAt, localTime: toLocal(startsAt, ctx.timeZone).time };
    const refuse = (reason: SlotRefusal): ReservationSlot => ({ ...base, available: false, reason });
    if (party < service.minParty) return refuse('party_too_small');
    if (party > service.maxParty) return refuse('party_too_large');
    if (startsAt < ctx.now) return refuse('in_the_past');
    // A slot a platform has closed or narrowed is not offered here either; its bookings already count as covers.
    if (ctx.externalLoad.some((e) => e.maxGuests != null && e.maxGuests < party && e.slotStart.getTime() === startsAt.getTime())) return refuse('slot_full');
    if (service.maxCoversPerService != null && serviceCovers + party > service.maxCoversPerService) return refuse('service_full');
    if (service.maxCoversPerSlot != null) {
      const inSlot = (at: Date) => at >= startsAt && at < slotEnd;
      const slotCovers =
        held.filter((r) => inSlot(r.startsAt)).reduce((n, r) => n + r.partySize, 0) +
        ctx.externalLoad.filter((e) => inSlot(e.slotStart)).reduce((n, e) => n + e.covers, 0);
      if (slotCovers + party > service.maxCoversPerSlot) return refuse('slot_full');
    }
    // Without a floor plan the restaurant manages tables by hand: covers decide alone.
    if (ctx.tables.length === 0) return { ...base, available: true };
    const busy = new Set(held.filter((r) => r.startsAt < endsAt && startsAt < r.endsAt).flatMap((r) => r.tableIds));
    const tableIds = fitTables(ctx.tables, party, busy);
    return tableIds ? { ...base, available: true, tableIds } : refuse('no_table');
  });
}

export function reservationSlots(ctx: ReservationContext): ServiceSlots[] {
  const held = ctx.reservations.filter((r) => holdsCapacity(r, ctx.ignoreReservationId));
  const localDay = localDateBounds(ctx.date, ctx.timeZone);
  return servicesOn(ctx, ctx.date).map((day) => ({
    service: { id: day.service.id, name: day.service.name },
    slots: slotsForService(ctx, day, held, localDay),
  }));
}

export type ReservationRefusal =
  | 'in_the_past' | 'closed' | 'outside_service' | 'party_too_small' | 'party_too_large'
  | 'service_full' | 'slot_full' | 'no_table';

export type ReservationCheck =
  | {
    ok: true;
    service: { id: string; name: string };
    startsAt: Date;
    endsAt: Date;
    /** Empty when the restaurant has no floor plan. */
    tableIds: string[];
    prepaymentRequired: boolean;
  }
  | { ok: false; reason: ReservationRefusal; message: string; alternatives: Date[] };

export type ReservationRequest = Omit<ReservationContext, 'date'> & { requestedAt: Date };

const MAX_ALTERNATIVES = 3;

/** Same-day available slots, nearest to the requested time first (earlier wins a tie). */
function nearestAlternatives(day: ServiceSlots[], requestedAt: Date): Date[] {
  const target = requestedAt.getTime();
  return day
    .flatMap((s) => s.slots)
    .filter((s) => s.available && s.startsAt.getTime() !== target)
    .map((s) => s.startsAt)
    .sort((a, b) => Math.abs(a.getTime() - target) - Math.abs(b.getTime() - target) || a.getTime() - b.getTime())
    .slice(0, MAX_ALTERNATIVES);
}

function refusalMessage(reason: ReservationRefusal, time: string, service: DiningServiceInput | undefined, hasAlternatives: boolean): string {
  const offer = hasAlternatives ? ' Proposez un des autres horaires.' : ' Proposez un autre jour.';
  switch (reason) {
    case 'in_the_past': return `Cet horaire est déjà passé.${offer}`;
    case 'closed': return "Le restaurant ne prend pas de réservation ce jour-là. Proposez un autre jour.";
    case 'outside_service': return `Nous ne prenons pas de réservation à ${time}.${offer}`;
    case 'party_too_small': return `Les réservations commencent à ${service?.minParty ?? 1} personnes pour ce service.`;
    case 'party_too_large': return `Au-delà de ${service?.maxParty ?? 0} personnes, la réservation se fait directement avec le restaurant. Proposez de transmettre un message.`;
    case 'service_full': return `Le service${service ? ` ${service.name}` : ''} est complet.${offer}`;
    case 'slot_full': return `${time} est complet.${offer}`;
    case 'no_table': return `Aucune table n'est libre à ${time} pour ce nombre de personnes.${offer}`;
  }
}

export function checkReservation(request: ReservationRequest): ReservationCheck {
  const { requestedAt } = request;
  const date = toLocal(requestedAt, request.timeZone).date;
  const time = toLocal(requestedAt, request.timeZone).time.replace(':', 'h');
  const day = reservationSlots({ ...request, date });
  const refuse = (reason: ReservationRefusal, service?: DiningServiceInput): ReservationCheck => {
    const alternatives = reason === 'closed' ? [] : nearestAlternatives(day, requestedAt);
    return { ok: false, reason, message: refusalMessage(reason, time, service, alternatives.length > 0), alternatives };
  };

  if (requestedAt < request.now) return refuse('in_the_past');
  if (day.length === 0) return refuse('closed');
  for (const { service, slots } of day) {
    const slot = slots.find((s) => s.startsAt.getTime() === requestedAt.getTime());
    if (!slot) continue;
    const config = request.services.find((s) => s.id === service.id);
    if (!slot.available) return refuse(slot.reason ?? 'slot_full', config);
    const above = config?.prepaymentAboveGuests;
    return {
      ok: true, service, startsAt: slot.startsAt, endsAt: slot.endsAt, tableIds: slot.tableIds ?? [],
      prepaymentRequired: above != null && request.partySize > above,
    };
  }
  return refuse('outside_service');
}
