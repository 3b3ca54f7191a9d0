// Plain inputs for reservation availability, one field per Prisma column so a
// repository maps rows without logic.
import type { ClosureRow } from './opening.ts';
import type { TableInput } from './tables.ts';

export interface TurnTime {
  maxParty: number;
  minutes: number;
}

export interface DiningServiceInput {
  id: string;
  name: string;
  /** ISO weekdays; empty = every day, as for offers and formulas. */
  weekdays: number[];
  startTime: string;
  endTime: string;
  lastSeatingTime: string;
  slotIntervalMinutes: number;
  maxCoversPerService?: number | null;
  maxCoversPerSlot?: number | null;
  turnTimes: TurnTime[];
  defaultTurnMinutes: number;
  minParty: number;
  maxParty: number;
  prepaymentAboveGuests?: number | null;
  active: boolean;
}

export interface ExistingReservation {
  id?: string;
  startsAt: Date;
  endsAt: Date;
  partySize: number;
  status: string;
  tableIds: string[];
  serviceId?: string | null;
}

export interface ExternalCovers {
  slotStart: Date;
  covers: number;
  serviceId?: string | null;
  /** The platform's own limit at exactly this start: the largest party it still takes (0 = full). */
  maxGuests?: number | null;
}

export interface ReservationContext {
  /** Local "YYYY-MM-DD". */
  date: string;
  partySize: number;
  now: Date;
  timeZone: string;
  services: DiningServiceInput[];
  closures: ClosureRow[];
  tables: TableInput[];
  reservations: ExistingReservation[];
  externalLoad: ExternalCovers[];
  /** The reservation being moved, so it does not block its own new slot. */
  ignoreReservationId?: string;
}

// Completed, cancelled and no-show guests no longer hold a table or covers.
const HOLDING = new Set(['pending', 'confirmed', 'seated']);

export function holdsCapacity(r: ExistingReservation, ignoreId: string | undefined): boolean {
  return HOLDING.has(r.status) && (ignoreId === undefined || r.id !== ignoreId);
}

export function turnMinutesFor(service: DiningServiceInput, partySize: number): number {
  const entry = [...service.turnTimes].sort((a, b) => a.maxParty - b.maxParty).find((t) => t.maxParty >= partySize);
  return entry?.minutes ?? service.defaultTurnMinutes;
}
