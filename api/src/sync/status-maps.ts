// Status vocabularies both ways. A platform status we do not know maps to
// nothing rather than to a guess.
import type { ReservationStatus } from '../domain/status-machines.ts';
import { isFinalReservationStatus } from '../domain/status-machines.ts';

export const ZENCHEF_TO_LOCAL: Record<string, ReservationStatus> = {
  waiting: 'pending', waiting_customer: 'pending', confirmed: 'confirmed', canceled: 'cancelled', refused: 'cancelled',
  arrived: 'seated', seated: 'seated', over: 'completed', no_shown: 'no_show',
};

export const LOCAL_TO_ZENCHEF: Record<ReservationStatus, string> = {
  pending: 'waiting', confirmed: 'confirmed', seated: 'seated', completed: 'over', cancelled: 'canceled', no_show: 'no_shown',
};

export const THEFORK_TO_LOCAL: Record<string, ReservationStatus> = {
  REQUESTED: 'pending', RECORDED: 'confirmed', CANCELED: 'cancelled', REFUSED: 'cancelled', NO_SHOW: 'no_show',
};

// TheFork's meal status refines a RECORDED booking once the guests are there.
export const THEFORK_MEAL_TO_LOCAL: Record<string, ReservationStatus> = {
  PARTIALLY_ARRIVED: 'seated', ARRIVED: 'seated', SEATED: 'seated', BILL: 'seated', LEFT: 'completed',
};

/** TheFork's API can only cancel; other local statuses stay local. */
export const LOCAL_TO_THEFORK: Partial<Record<ReservationStatus, string>> = { cancelled: 'CANCELED' };

export function theforkStatus(status: string, mealStatus: string | null | undefined): ReservationStatus | undefined {
  const base = THEFORK_TO_LOCAL[status];
  if (base === 'confirmed' && mealStatus) return THEFORK_MEAL_TO_LOCAL[mealStatus] ?? base;
  return base;
}

/** The status a sync may set: a final status is never reopened, whatever the platform says. */
export function mergeStatus(current: ReservationStatus, incoming: ReservationStatus): ReservationStatus {
  return isFinalReservationStatus(current) ? current : incoming;
}
