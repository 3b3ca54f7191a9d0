import { z } from 'zod';
import { Cents, Id, IsoDateTime, Locale } from '../common.ts';
import { LocalDate, OpsPageQuery, opsPageOf } from './paging.ts';

export const CallOutcome = z.enum([
  'in_progress', 'order_placed', 'reservation_made', 'information', 'message_taken',
  'transferred', 'abandoned', 'failed', 'missed',
]);
export const CallParty = z.enum(['caller', 'agent', 'staff', 'system']);

export const CallListItem = z.object({
  id: Id,
  startedAt: IsoDateTime,
  answeredAt: IsoDateTime.nullable(),
  endedAt: IsoDateTime.nullable(),
  /** From answer (or start when unanswered) to end; null while in progress. */
  durationSeconds: z.number().int().nullable(),
  callerNumber: z.string().nullable(),
  outcome: CallOutcome,
  handledBy: CallParty,
  language: Locale.nullable(),
  /** Estimated cost of the AI, millionths of the currency unit. */
  costMicros: z.number().int(),
  summary: z.string().nullable(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  orderId: Id.nullable(),
  orderNumber: z.number().int().nullable(),
  reservationId: Id.nullable(),
});
export type CallListItem = z.infer<typeof CallListItem>;
export const CallPage = opsPageOf(CallListItem);
export type CallPage = z.infer<typeof CallPage>;

/** from/to are local dates of the restaurant, inclusive; q matches the caller number. */
export const CallListQuery = OpsPageQuery.extend({
  outcome: CallOutcome.optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  q: z.string().trim().max(40).optional(),
});
export type CallListQuery = z.infer<typeof CallListQuery>;

export const CallDetail = CallListItem.extend({
  endedBy: CallParty.nullable(),
  endReason: z.string().nullable(),
  transferResult: z.enum(['answered', 'no_answer', 'busy', 'failed']).nullable(),
  transferTarget: z.string().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cachedTokens: z.number().int(),
  recordingUrl: z.string().nullable(),
  /** The conversation, in order. */
  turns: z.array(z.object({ seq: z.number().int(), role: CallParty, text: z.string(), at: IsoDateTime })),
  tools: z.array(z.object({
    id: Id, toolCallId: z.string(), name: z.string(), arguments: z.unknown(), result: z.unknown(),
    ok: z.boolean(), latencyMs: z.number().int().nullable(), at: IsoDateTime,
  })),
  order: z.object({ id: Id, number: z.number().int(), status: z.string(), type: z.string(), totalCents: Cents }).nullable(),
  reservation: z.object({ id: Id, startsAt: IsoDateTime, partySize: z.number().int(), status: z.string() }).nullable(),
});
export type CallDetail = z.infer<typeof CallDetail>;
