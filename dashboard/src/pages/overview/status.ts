import type { OrderSummary, ReservationSummary } from '../../../../api/src/contract/index.ts';

// Bootstrap `text-bg-*` colours: warm for what needs action, green for ready, grey for done, red for lost.

export const ORDER_STATUS_COLOR: Record<OrderSummary['status'], string> = {
  pending: 'warning',
  confirmed: 'primary',
  preparing: 'info',
  ready: 'success',
  out_for_delivery: 'dark',
  completed: 'secondary',
  cancelled: 'danger',
};

export const RESERVATION_STATUS_COLOR: Record<ReservationSummary['status'], string> = {
  pending: 'warning',
  confirmed: 'primary',
  seated: 'success',
  completed: 'secondary',
  cancelled: 'danger',
  no_show: 'dark',
};
