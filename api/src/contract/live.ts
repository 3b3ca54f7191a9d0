import { z } from 'zod';
import { IsoDateTime } from './common.ts';

/**
 * Event names on GET /restaurants/:restaurantId/events (Server-Sent Events).
 * `reset`: the stream could not replay what this browser missed (too many
 * events, or its Last-Event-ID is unknown): reload the data shown.
 */
export const LiveEventType = z.enum([
  'order.created', 'order.updated', 'order.status_changed',
  'reservation.created', 'reservation.updated', 'reservation.status_changed',
  'call.started', 'call.updated', 'call.turn', 'call.tool', 'call.ended',
  'faq.created', 'faq.updated',
  'message.created', 'message.updated',
  'sync.updated',
  'reset',
]);
export type LiveEventType = z.infer<typeof LiveEventType>;

export const LIVE_RESET = 'reset' satisfies LiveEventType;

/** The JSON in each event's `data:` line. The SSE `id:` line carries the same id (Last-Event-ID on reconnect). */
export const LiveEventData = z.object({
  /** A decimal integer, ordered: later events have larger ids. */
  id: z.string().regex(/^\d+$/),
  type: LiveEventType,
  createdAt: IsoDateTime,
  payload: z.unknown(),
});
export type LiveEventData = z.infer<typeof LiveEventData>;

export const LiveResetPayload = z.object({ reason: z.enum(['too_many_missed', 'unknown_last_event']) });
export type LiveResetPayload = z.infer<typeof LiveResetPayload>;

export const LiveEventsQuery = z.object({
  /** Replay from here on first connection; the browser's Last-Event-ID header wins on reconnects. */
  lastEventId: z.string().regex(/^\d{1,19}$/, 'a decimal event id').optional(),
});
export type LiveEventsQuery = z.infer<typeof LiveEventsQuery>;
