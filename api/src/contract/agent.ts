// The controller ↔ API contract for calls: the agent session, tools, and the call lifecycle.
import { z } from 'zod';
import { Id, IsoDateTime } from './common.ts';

export const AgentSessionRequest = z.object({
  /** The number that was called, as Asterisk passes it (E.164 or national). */
  did: z.string().min(3).max(32).optional(),
  /** A browser test call names its restaurant instead: it may have no phone line yet. */
  restaurantId: Id.optional(),
  /** The caller's number, or null/absent when withheld. */
  callerNumber: z.string().max(32).nullable().optional(),
  channelId: z.string().max(128).optional(),
  /** A test call from the dashboard: recorded, but never counted as a customer call. */
  test: z.boolean().default(false),
}).superRefine((r, ctx) => {
  if (!r.did === !r.restaurantId) ctx.addIssue({ code: 'custom', path: ['did'], message: 'give either did (a phone call) or restaurantId (a test call)' });
  if (r.restaurantId && !r.test) ctx.addIssue({ code: 'custom', path: ['restaurantId'], message: 'restaurantId is only for test calls (test: true)' });
});
export type AgentSessionRequest = z.infer<typeof AgentSessionRequest>;

export const AgentToolDefinition = z.object({
  type: z.literal('function'),
  name: z.string(),
  description: z.string(),
  parameters: z.record(z.string(), z.unknown()),
});

/** Dialplan context that rings a restaurant's staff or dials out through its trunk with its own number (rendered by the CLI). */
export const transferContextName = (slug: string): string => `vo-transfer-${slug}`;

export const TransferTarget = z.object({
  kind: z.enum(['endpoint', 'number']),
  target: z.string(),
  timeoutMs: z.number().int(),
  /**
   * What the controller originates: `PJSIP/<endpoint>` for a staff phone, or
   * `Local/<E.164>@vo-transfer-<slug>` for a number, so the call goes out through
   * the restaurant's trunk presented with the restaurant's number (a trunk may
   * refuse a caller's number it does not own).
   */
  dial: z.string(),
});
export type TransferTarget = z.infer<typeof TransferTarget>;

export const AgentSession = z.object({
  callId: Id,
  restaurant: z.object({ id: Id, name: z.string(), timeZone: z.string(), locale: z.enum(['fr', 'en']) }),
  instructions: z.string(),
  /** Length of the part of the instructions shared by every call to this restaurant (for prompt caching). */
  stablePrefixChars: z.number().int(),
  tools: z.array(AgentToolDefinition),
  model: z.string(),
  voice: z.string(),
  language: z.enum(['fr', 'en']),
  greeting: z.string(),
  audioFormat: z.enum(['audio/pcmu', 'audio/pcma']),
  transfer: TransferTarget.nullable(),
  limits: z.object({ maxCallMs: z.number().int(), idleTimeoutMs: z.number().int() }),
  callHandlingMode: z.enum(['ai_all', 'staff_first', 'ai_outside_hours']),
  openNow: z.boolean(),
  customer: z.object({ id: Id, firstName: z.string().nullable(), known: z.boolean() }).nullable(),
});
export type AgentSession = z.infer<typeof AgentSession>;

export const ToolCallRequest = z.object({
  toolCallId: z.string().min(1).max(128),
  /** The model's arguments: the JSON string from the Realtime event, or an object. */
  arguments: z.union([z.string().max(20_000), z.record(z.string(), z.unknown())]),
});
export type ToolCallRequest = z.infer<typeof ToolCallRequest>;

export const ToolCallResponse = z.object({
  toolCallId: z.string(),
  ok: z.boolean(),
  /** JSON text to send back as the function_call_output. */
  output: z.string(),
  /** What the controller must do after the model's next words. */
  action: z.enum(['transfer', 'end_call']).optional(),
  transfer: TransferTarget.nullable().optional(),
  replayed: z.boolean(),
});
export type ToolCallResponse = z.infer<typeof ToolCallResponse>;

const CallParty = z.enum(['caller', 'agent', 'staff', 'system']);

export const CallTurnRequest = z.object({
  role: CallParty,
  text: z.string().min(1).max(10_000),
  at: IsoDateTime.optional(),
});

export const CallAnsweredRequest = z.object({ at: IsoDateTime.optional() });

export const CallEndRequest = z.object({
  endedBy: CallParty,
  endReason: z.string().min(1).max(100),
  outcome: z.enum(['order_placed', 'reservation_made', 'information', 'message_taken', 'transferred', 'abandoned', 'failed', 'missed']).optional(),
  transferResult: z.enum(['answered', 'no_answer', 'busy', 'failed']).optional(),
  transferTarget: z.string().max(100).optional(),
  recordingPath: z.string().max(500).optional(),
  usage: z.object({
    inputTokens: z.number().int().min(0).default(0),
    outputTokens: z.number().int().min(0).default(0),
    cachedTokens: z.number().int().min(0).default(0),
  }).default({ inputTokens: 0, outputTokens: 0, cachedTokens: 0 }),
  summary: z.string().max(2000).optional(),
  at: IsoDateTime.optional(),
});

export const CallRecord = z.object({
  id: Id,
  outcome: z.string(),
  endedAt: IsoDateTime.nullable(),
  costMicros: z.number().int(),
});
