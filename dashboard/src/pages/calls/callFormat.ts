import type { CallListItem } from '../../../../api/src/contract/index.ts';

export const OUTCOME_COLOR: Record<CallListItem['outcome'], string> = {
  in_progress: 'info', order_placed: 'success', reservation_made: 'success', information: 'secondary',
  message_taken: 'primary', transferred: 'warning', abandoned: 'dark', failed: 'danger', missed: 'danger',
};

export const formatDuration = (s: number | null) => (s === null ? '—' : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`);

/** Cost in millionths of the currency unit, shown to the cent. */
export const costCents = (micros: number) => Math.round(micros / 10_000);
