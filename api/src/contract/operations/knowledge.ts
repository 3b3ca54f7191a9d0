import { z } from 'zod';
import { Id, IsoDateTime } from '../common.ts';
import { OpsPageQuery, opsPageOf } from './paging.ts';

export const FaqStatus = z.enum(['open', 'answered', 'dismissed']);

export const FaqEntry = z.object({
  id: Id,
  question: z.string(),
  normalizedKey: z.string(),
  answer: z.string().nullable(),
  status: FaqStatus,
  source: z.enum(['ai', 'manual']),
  timesAsked: z.number().int(),
  lastAskedAt: IsoDateTime,
  answeredAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type FaqEntry = z.infer<typeof FaqEntry>;
export const FaqPage = opsPageOf(FaqEntry);
export type FaqPage = z.infer<typeof FaqPage>;

/** Open questions (the agent could not answer) come first, most asked first. */
export const FaqListQuery = OpsPageQuery.extend({ status: FaqStatus.optional() });
export type FaqListQuery = z.infer<typeof FaqListQuery>;

export const FaqCreateRequest = z.object({
  question: z.string().trim().min(3).max(500),
  answer: z.string().trim().min(1).max(2000).optional(),
});
export type FaqCreateRequest = z.infer<typeof FaqCreateRequest>;

/**
 * Giving an answer marks the entry answered; `status: "dismissed"` hides it
 * from the agent; `answer: null` with `status: "open"` reopens it.
 */
export const FaqUpdateRequest = z.object({
  question: z.string().trim().min(3).max(500).optional(),
  answer: z.string().trim().min(1).max(2000).nullable().optional(),
  status: FaqStatus.optional(),
});
export type FaqUpdateRequest = z.infer<typeof FaqUpdateRequest>;

export const MessageStatus = z.enum(['new', 'in_progress', 'done']);

export const CallbackMessage = z.object({
  id: Id,
  callId: Id.nullable(),
  customerId: Id.nullable(),
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  body: z.string(),
  callbackWanted: z.boolean(),
  status: MessageStatus,
  handledAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type CallbackMessage = z.infer<typeof CallbackMessage>;
export const CallbackMessagePage = opsPageOf(CallbackMessage);
export type CallbackMessagePage = z.infer<typeof CallbackMessagePage>;

export const MessageListQuery = OpsPageQuery.extend({ status: MessageStatus.optional() });
export type MessageListQuery = z.infer<typeof MessageListQuery>;

/** `handledAt` is set when the message is marked done, cleared otherwise. */
export const MessageUpdateRequest = z.object({ status: MessageStatus });
export type MessageUpdateRequest = z.infer<typeof MessageUpdateRequest>;
