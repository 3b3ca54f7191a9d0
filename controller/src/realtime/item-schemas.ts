// Zod schemas for the objects nested in Realtime server events (GA interface):
// conversation items, responses with usage, and the session. Field names and
// types follow `openai/resources/realtime/realtime` one to one; the checks in
// server-events-typecheck.ts fail `tsc` if they drift from the package.
import { z } from 'zod';

/** The real server sends `null` for unset optional fields the package types as absent. */
export function nullish<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => v ?? undefined);
}

const ItemStatus = z.enum(['completed', 'incomplete', 'in_progress']);
const ItemCommon = {
  id: z.string().optional(),
  object: z.literal('realtime.item').optional(),
  status: ItemStatus.optional(),
};

export const SystemMessageItem = z.object({
  ...ItemCommon,
  type: z.literal('message'),
  role: z.literal('system'),
  content: z.array(z.object({ type: z.literal('input_text').optional(), text: z.string().optional() })),
});

export const UserMessageItem = z.object({
  ...ItemCommon,
  type: z.literal('message'),
  role: z.literal('user'),
  content: z.array(
    z.object({
      type: z.enum(['input_text', 'input_audio', 'input_image']).optional(),
      text: z.string().optional(),
      audio: z.string().optional(),
      transcript: nullish(z.string()),
    }),
  ),
});

export const AssistantMessageItem = z.object({
  ...ItemCommon,
  type: z.literal('message'),
  role: z.literal('assistant'),
  content: z.array(
    z.object({
      type: z.enum(['output_text', 'output_audio']).optional(),
      text: z.string().optional(),
      audio: z.string().optional(),
      transcript: nullish(z.string()),
    }),
  ),
});

export const FunctionCallItem = z.object({
  ...ItemCommon,
  type: z.literal('function_call'),
  name: z.string(),
  arguments: z.string(),
  call_id: z.string().optional(),
});

export const FunctionCallOutputItem = z.object({
  ...ItemCommon,
  type: z.literal('function_call_output'),
  call_id: z.string(),
  output: z.string(),
});

/** The item kinds this controller creates or receives (no MCP: we never configure it). */
export const ConversationItem = z.union([
  SystemMessageItem,
  UserMessageItem,
  AssistantMessageItem,
  FunctionCallItem,
  FunctionCallOutputItem,
]);
export type ConversationItem = z.infer<typeof ConversationItem>;

const KNOWN_ITEM_TYPES: ReadonlySet<unknown> = new Set(['message', 'function_call', 'function_call_output']);

/** A response's output keeps the items we understand, so one MCP item cannot hide the usage. */
const ResponseOutput = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter((i: unknown) => typeof i === 'object' && i !== null && KNOWN_ITEM_TYPES.has((i as { type?: unknown }).type)) : v),
  z.array(ConversationItem),
);

export const ResponseUsage = z.object({
  total_tokens: z.number().optional(),
  input_tokens: z.number().optional(),
  output_tokens: z.number().optional(),
  input_token_details: z
    .object({
      cached_tokens: z.number().optional(),
      audio_tokens: z.number().optional(),
      text_tokens: z.number().optional(),
      image_tokens: z.number().optional(),
      cached_tokens_details: z
        .object({ audio_tokens: z.number().optional(), text_tokens: z.number().optional(), image_tokens: z.number().optional() })
        .optional(),
    })
    .optional(),
  output_token_details: z.object({ audio_tokens: z.number().optional(), text_tokens: z.number().optional() }).optional(),
});
export type ResponseUsage = z.infer<typeof ResponseUsage>;

export const ResponseStatus = z.enum(['completed', 'cancelled', 'failed', 'incomplete', 'in_progress']);

export const Response = z.object({
  id: z.string().optional(),
  object: z.literal('realtime.response').optional(),
  conversation_id: z.string().optional(),
  status: ResponseStatus.optional(),
  status_details: nullish(
    z.object({
      type: z.enum(['completed', 'cancelled', 'incomplete', 'failed']).optional(),
      reason: z.enum(['turn_detected', 'client_cancelled', 'max_output_tokens', 'content_filter']).optional(),
      error: z.object({ type: z.string().optional(), code: z.string().optional() }).optional(),
    }),
  ),
  output: ResponseOutput.optional(),
  output_modalities: z.array(z.enum(['text', 'audio'])).optional(),
  usage: nullish(ResponseUsage),
});
export type Response = z.infer<typeof Response>;

export const AudioFormat = z.discriminatedUnion('type', [
  z.object({ type: z.literal('audio/pcm'), rate: z.literal(24000).optional() }),
  z.object({ type: z.literal('audio/pcmu') }),
  z.object({ type: z.literal('audio/pcma') }),
]);
export type AudioFormat = z.infer<typeof AudioFormat>;

export const TurnDetection = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('server_vad'),
    threshold: z.number().optional(),
    prefix_padding_ms: z.number().optional(),
    silence_duration_ms: z.number().optional(),
    idle_timeout_ms: z.number().nullish(),
    create_response: z.boolean().optional(),
    interrupt_response: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('semantic_vad'),
    eagerness: z.enum(['low', 'medium', 'high', 'auto']).optional(),
    create_response: z.boolean().optional(),
    interrupt_response: z.boolean().optional(),
  }),
]);
export type TurnDetection = z.infer<typeof TurnDetection>;

export const AudioTranscription = z.object({
  model: z.string().optional(),
  language: z.string().optional(),
  prompt: z.string().optional(),
});

export const FunctionTool = z.object({
  type: z.literal('function').optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  parameters: z.unknown().optional(),
});

/** A `type: 'realtime'` session as `session.created` / `session.updated` report it. */
export const Session = z.object({
  type: z.literal('realtime'),
  id: z.string().optional(),
  object: z.literal('realtime.session').optional(),
  model: z.string().optional(),
  instructions: z.string().optional(),
  output_modalities: z.array(z.enum(['text', 'audio'])).optional(),
  max_output_tokens: z.union([z.number(), z.literal('inf')]).optional(),
  tool_choice: z.union([z.enum(['none', 'auto', 'required']), z.object({ type: z.literal('function'), name: z.string() })]).optional(),
  tools: z.array(FunctionTool).optional(),
  audio: z
    .object({
      input: z
        .object({
          format: AudioFormat.optional(),
          transcription: nullish(AudioTranscription),
          turn_detection: TurnDetection.nullish(),
        })
        .optional(),
      output: z
        .object({
          format: AudioFormat.optional(),
          voice: z.union([z.string(), z.object({ id: z.string() })]).optional(),
          speed: z.number().optional(),
        })
        .optional(),
    })
    .optional(),
});
export type Session = z.infer<typeof Session>;
