// Who may follow whom, for orders and reservations. The dashboard offers only
// these moves and the API refuses the others with the allowed list, so a
// kitchen tablet and a phone agent can never put an order in an impossible state.
import { AppError } from '../errors.ts';

export type OrderStatus = 'pending' | 'confirmed' | 'preparing' | 'ready' | 'out_for_delivery' | 'completed' | 'cancelled';
export type ReservationStatus = 'pending' | 'confirmed' | 'seated' | 'completed' | 'cancelled' | 'no_show';
export type OrderType = 'pickup' | 'delivery' | 'dine_in';

const ORDER_NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['preparing', 'cancelled'],
  preparing: ['ready', 'cancelled'],
  ready: ['out_for_delivery', 'completed', 'cancelled'],
  out_for_delivery: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** The statuses an order may move to next; delivery alone goes out for delivery, and must. */
export function nextOrderStatuses(status: OrderStatus, type: OrderType): OrderStatus[] {
  return ORDER_NEXT[status].filter((s) => {
    if (s === 'out_for_delivery') return type === 'delivery';
    if (status === 'ready' && s === 'completed') return type !== 'delivery';
    return true;
  });
}

const RESERVATION_NEXT: Record<ReservationStatus, readonly ReservationStatus[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['seated', 'cancelled', 'no_show'],
  seated: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
};

export const nextReservationStatuses = (status: ReservationStatus): ReservationStatus[] => [...RESERVATION_NEXT[status]];

export const isFinalOrderStatus = (s: OrderStatus): boolean => ORDER_NEXT[s].length === 0;
export const isFinalReservationStatus = (s: ReservationStatus): boolean => RESERVATION_NEXT[s].length === 0;

export function assertTransition<S extends string>(entity: 'order' | 'reservation', from: S, to: S, allowed: readonly S[]): void {
  if (allowed.includes(to)) return;
  const label = entity === 'order' ? 'La commande' : 'La réservation';
  throw new AppError('illegal_transition', `${label} ne peut pas passer de « ${from} » à « ${to} »`, { from, to, allowed });
}
