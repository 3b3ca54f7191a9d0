// The Realtime server events the controller consumes (GA interface), parsed
// with zod at the edge. Anything else parses to `{ type: 'unknown' }` rather
// than throwing: OpenAI adds events over time.
import { z } from 'zod';
import { ConversationItem, Response, Session, nullish } from './item-schemas.ts';

const Base = { event_id: z.string() };
const ContentRef = { response_id: z.string(), item_id: z.string(), output_index: z.number(), content_index: z.number() };
const ItemEvent = { ...Base, item: ConversationItem, previous_item_id: z.string().nullish() };

export const SessionCreated = z.object({ ...Base, type: z.literal('session.created'), session: Session });
export const SessionUpdated = z.object({ ...Base, type: z.literal('session.updated'), session: Session });

export const SpeechStarted = z.object({
  ...Base,
  type: z.literal('input_audio_buffer.speech_started'),
  audio_start_ms: z.number(),
  item_id: z.string(),
});
export const SpeechStopped = z.object({
  ...Base,
  type: z.literal('input_audio_buffer.speech_stopped'),
  audio_end_ms: z.number(),
  item_id: z.string(),
});
export const InputAudioCommitted = z.object({
  ...Base,
  type: z.literal('input_audio_buffer.committed'),
  item_id: z.string(),
  previous_item_id: z.string().nullish(),
});
export const InputAudioCleared = z.object({ ...Base, type: z.literal('input_audio_buffer.cleared') });

export const ItemCreated = z.object({ ...ItemEvent, type: z.literal('conversation.item.created') });
export const ItemAdded = z.object({ ...ItemEvent, type: z.literal('conversation.item.added') });
export const ItemDone = z.object({ ...ItemEvent, type: z.literal('conversation.item.done') });
export const ItemDeleted = z.object({ ...Base, type: z.literal('conversation.item.deleted'), item_id: z.string() });
export const ItemTruncated = z.object({
  ...Base,
  type: z.literal('conversation.item.truncated'),
  item_id: z.string(),
  content_index: z.number(),
  audio_end_ms: z.number(),
});

export const InputTranscriptionCompleted = z.object({
  ...Base,
  type: z.literal('conversation.item.input_audio_transcription.completed'),
  item_id: z.string(),
  content_index: z.number(),
  transcript: z.string(),
  usage: z.union([
    z.object({
      type: z.literal('tokens'),
      input_tokens: z.number(),
      output_tokens: z.number(),
      total_tokens: z.number(),
      input_token_details: z.object({ audio_tokens: z.number().optional(), text_tokens: z.number().optional() }).optional(),
    }),
    z.object({ type: z.literal('duration'), seconds: z.number() }),
  ]),
});
export const InputTranscriptionFailed = z.object({
  ...Base,
  type: z.literal('conversation.item.input_audio_transcription.failed'),
  item_id: z.string(),
  content_index: z.number(),
  error: z.object({
    type: nullish(z.string()),
    code: nullish(z.string()),
    message: nullish(z.string()),
    param: nullish(z.string()),
  }),
});

export const ResponseCreated = z.object({ ...Base, type: z.literal('response.created'), response: Response });
export const ResponseDone = z.object({ ...Base, type: z.literal('response.done'), response: Response });
export const OutputItemAdded = z.object({
  ...Base,
  type: z.literal('response.output_item.added'),
  response_id: z.string(),
  output_index: z.number(),
  item: ConversationItem,
});
export const OutputItemDone = z.object({
  ...Base,
  type: z.literal('response.output_item.done'),
  response_id: z.string(),
  output_index: z.number(),
  item: ConversationItem,
});

export const OutputAudioDelta = z.object({ ...Base, ...ContentRef, type: z.literal('response.output_audio.delta'), delta: z.string() });
export const OutputAudioDone = z.object({ ...Base, ...ContentRef, type: z.literal('response.output_audio.done') });
export const OutputAudioTranscriptDelta = z.object({
  ...Base,
  ...ContentRef,
  type: z.literal('response.output_audio_transcript.delta'),
  delta: z.string(),
});
export const OutputAudioTranscriptDone = z.object({
  ...Base,
  ...ContentRef,
  type: z.literal('response.output_audio_transcript.done'),
  transcript: z.string(),
});

export const FunctionCallArgumentsDelta = z.object({
  ...Base,
  type: z.literal('response.function_call_arguments.delta'),
  response_id: z.string(),
  item_id: z.string(),
  output_index: z.number(),
  call_id: z.string(),
  delta: z.string(),
});
export const FunctionCallArgumentsDone = z.object({
  ...Base,
  type: z.literal('response.function_call_arguments.done'),
  response_id: z.string(),
  item_id: z.string(),
  output_index: z.number(),
  call_id: z.string(),
  name: z.string(),
  arguments: z.string(),
});

export const ErrorEvent = z.object({
  ...Base,
  type: z.literal('error'),
  error: z.object({
    type: z.string(),
    message: z.string(),
    code: z.string().nullish(),
    param: z.string().nullish(),
    event_id: z.string().nullish(),
  }),
});

export const RateLimitsUpdated = z.object({
  ...Base,
  type: z.literal('rate_limits.updated'),
  rate_limits: z.array(
    z.object({
      name: z.enum(['requests', 'tokens']).optional(),
      limit: z.number().optional(),
      remaining: z.number().optional(),
      reset_seconds: z.number().optional(),
    }),
  ),
});

export const ServerEvent = z.discriminatedUnion('type', [
  SessionCreated,
  SessionUpdated,
  SpeechStarted,
  SpeechStopped,
  InputAudioCommitted,
  InputAudioCleared,
  ItemCreated,
  ItemAdded,
  ItemDone,
  ItemDeleted,
  ItemTruncated,
  InputTranscriptionCompleted,
  InputTranscriptionFailed,
  ResponseCreated,
  ResponseDone,
  OutputItemAdded,
  OutputItemDone,
  OutputAudioDelta,
  OutputAudioDone,
  OutputAudioTranscriptDelta,
  OutputAudioTranscriptDone,
  FunctionCallArgumentsDelta,
  FunctionCallArgumentsDone,
  ErrorEvent,
  RateLimitsUpdated,
]);
export type ServerEvent = z.infer<typeof ServerEvent>;
export type ServerEventType = ServerEvent['type'];

/** An event type the controller does not consume (or one OpenAI added later). */
export interface UnknownServerEvent {
  type: 'unknown';
  eventType: string | undefined;
  raw: unknown;
}
/** A consumed event type whose body did not match the schema, or a frame that is not JSON. */
export interface InvalidServerEvent {
  type: 'invalid';
  eventType: string | undefined;
  raw: unknown;
  problem: string;
}
export type ParsedServerEvent = ServerEvent | UnknownServerEvent | InvalidServerEvent;

const CONSUMED_TYPES: ReadonlySet<string> = new Set(ServerEvent.options.map((o) => o.shape.type.value));

export function isConsumedEventType(type: string): type is ServerEventType {
  return CONSUMED_TYPES.has(type);
}

/** Parse an already-decoded JSON value. Never throws. */
export function parseServerEvent(raw: unknown): ParsedServerEvent {
  const eventType = typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string'
    ? (raw as { type: string }).type
    : undefined;
  if (eventType === undefined || !isConsumedEventType(eventType)) return { type: 'unknown', eventType, raw };
  const result = ServerEvent.safeParse(raw);
  if (result.success) return result.data;
  const problem = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return { type: 'invalid', eventType, raw, problem };
}

/** Parse one WebSocket text frame. Never throws. */
export function parseServerFrame(text: string): ParsedServerEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { type: 'invalid', eventType: undefined, raw: text, problem: `not JSON: ${(err as Error).message}` };
  }
  return parseServerEvent(raw);
}
