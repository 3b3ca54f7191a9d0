import type { OrderDetail } from '../../../../api/src/contract/index.ts';

export type OrderStatus = OrderDetail['status'];

/** The board's columns, in the kitchen's order; cancelled orders leave the board. */
export const BOARD_COLUMNS: readonly OrderStatus[] = ['pending', 'confirmed', 'preparing', 'ready', 'out_for_delivery', 'completed'];
export const ACTIVE_STATUSES: OrderStatus[] = ['pending', 'confirmed', 'preparing', 'ready', 'out_for_delivery'];
/** How many finished orders the last column keeps. */
export const COMPLETED_SHOWN = 20;
