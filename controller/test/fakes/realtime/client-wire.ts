// How the fake server reads client events: strict GA shapes, so a beta field
// (`input_audio_format`, `modalities`, …) or an unknown event type gets the
// `error` event the real server sends instead of being silently accepted.
// Covers the subset of `RealtimeClientEvent` a phone agent uses.
import { z } from 'zod';
import type { RealtimeClientEvent, RealtimeError } from 'openai/resources/realtime/realtime';

const Id = { event_id: z.string().optional() };
const ItemCommon = { id: z.string().optional(), object: z.literal('realtime.item').optional(), status: z.enum(['completed', 'incomplete', 'in_progress']).optional() };

const Item = z.union([
  z.strictObject({ ...ItemCommon, type: z.literal('message'), role: z.literal('system'), content: z.array(z.strictObject({ type: z.literal('input_text').optional(), text: z.string().optional() })) }),
  z.strictObject({
    ...ItemCommon,
    type: z.literal('message'),
    role: z.literal('user'),
    content: z.array(z.strictObject({ type: z.enum(['input_text', 'input_audio']).optional(), text: z.string().optional(), audio: z.string().optional(), transcript: z.string().optional() })),
  }),
  z.strictObject({
    ...ItemCommon,
    type: z.literal('message'),
    role: z.literal('assistant'),
    content: z.array(z.strictObject({ type: z.enum(['output_text', 'output_audio']).optional(), text: z.string().optional(), audio: z.string().optional(), transcript: z.string().optional() })),
  }),
  z.strictObject({ ...ItemCommon, type: z.literal('function_call'), name: z.string(), arguments: z.string(), call_id: z.string().optional() }),
  z.strictObject({ ...ItemCommon, type: z.literal('function_call_output'), call_id: z.string(), output: z.string() }),
]);

const Format = z.union([
  z.strictObject({ type: z.literal('audio/pcm'), rate: z.literal(24000).optional() }),
  z.strictObject({ type: z.literal('audio/pcmu') }),
  z.strictObject({ type: z.literal('audio/pcma') }),
]);
const TurnDetection = z.union([
  z.strictObject({
    type: z.literal('server_vad'),
    threshold: z.number().min(0).max(1).optional(),
    prefix_padding_ms: z.number().int().min(0).optional(),
    silence_duration_ms: z.number().int().min(0).optional(),
    idle_timeout_ms: z.number().int().nullable().optional(),
    create_response: z.boolean().optional(),
    interrupt_response: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('semantic_vad'),
    eagerness: z.enum(['low', 'medium', 'high', 'auto']).optional(),
    create_response: z.boolean().optional(),
    interrupt_response: z.boolean().optional(),
  }),
]);
const FunctionTool = z.strictObject({ type: z.literal('function'), name: z.string().min(1), description: z.string().optional(), parameters: z.unknown().optional() });
const ToolChoice = z.union([z.enum(['none', 'auto', 'required']), z.strictObject({ type: z.literal('function'), name: z.string() })]);

export const SessionRequest = z.strictObject({
  type: z.literal('realtime'),
  model: z.string().optional(),
  instructions: z.string().optional(),
  output_modalities: z.array(z.enum(['text', 'audio'])).optional(),
  max_output_tokens: z.union([z.number().int().min(1).max(4096), z.literal('inf')]).optional(),
  tools: z.array(FunctionTool).optional(),
  tool_choice: ToolChoice.optional(),
  parallel_tool_calls: z.boolean().optional(),
  audio: z
    .strictObject({
      input: z
        .strictObject({
          format: Format.optional(),
          transcription: z.strictObject({ model: z.string().optional(), language: z.string().optional(), prompt: z.string().optional() }).optional(),
          turn_detection: TurnDetection.nullable().optional(),
          noise_reduction: z.strictObject({ type: z.enum(['near_field', 'far_field']).optional() }).optional(),
        })
        .optional(),
      output: z
        .strictObject({ format: Format.optional(), voice: z.string().optional(), speed: z.number().min(0.25).max(1.5).optional() })
        .optional(),
    })
    .optional(),
});
export type SessionRequest = z.infer<typeof SessionRequest>;

export const ClientEvent = z.discriminatedUnion('type', [
  z.strictObject({ ...Id, type: z.literal('session.update'), session: SessionRequest }),
  z.strictObject({ ...Id, type: z.literal('input_audio_buffer.append'), audio: z.base64() }),
  z.strictObject({ ...Id, type: z.literal('input_audio_buffer.commit') }),
  z.strictObject({ ...Id, type: z.literal('input_audio_buffer.clear') }),
  z.strictObject({ ...Id, type: z.literal('output_audio_buffer.clear') }),
  z.strictObject({ ...Id, type: z.literal('conversation.item.create'), item: Item, previous_item_id: z.string().optional() }),
  z.strictObject({ ...Id, type: z.literal('conversation.item.retrieve'), item_id: z.string() }),
  z.strictObject({ ...Id, type: z.literal('conversation.item.delete'), item_id: z.string() }),
  z.strictObject({
    ...Id,
    type: z.literal('conversation.item.truncate'),
    item_id: z.string(),
    content_index: z.number().int().min(0),
    audio_end_ms: z.number().int().min(0),
  }),
  z.strictObject({
    ...Id,
    type: z.literal('response.create'),
    response: z
      .strictObject({
        instructions: z.string().optional(),
        conversation: z.string().optional(),
        input: z.array(Item).optional(),
        output_modalities: z.array(z.enum(['text', 'audio'])).optional(),
        max_output_tokens: z.union([z.number().int().min(1).max(4096), z.literal('inf')]).optional(),
        tools: z.array(FunctionTool).optional(),
        tool_choice: ToolChoice.optional(),
        metadata: z.record(z.string(), z.string()).nullable().optional(),
        audio: z.strictObject({ output: z.strictObject({ format: Format.optional(), voice: z.string().optional() }).optional() }).optional(),
      })
      .optional(),
  }),
  z.strictObject({ ...Id, type: z.literal('response.cancel'), response_id: z.string().optional() }),
]);
export type ClientEvent = z.infer<typeof ClientEvent>;

// Proof that what the fake accepts is a real GA client event: drift fails `tsc`.
type Ours = { [K in ClientEvent['type']]: Extract<ClientEvent, { type: K }> };
type Theirs = { [K in ClientEvent['type']]: Extract<RealtimeClientEvent, { type: K }> };
export const _clientWireMatchesPackage: Theirs = {} as Ours;

const KNOWN_TYPES: ReadonlySet<string> = new Set(ClientEvent.options.map((o) => o.shape.type.value));

export type ClientParse = { ok: true; event: ClientEvent } | { ok: false; error: RealtimeError };

/** Reads one text frame the way the real server does: errors name the parameter at fault. */
export function parseClientFrame(text: string): ClientParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: { type: 'invalid_request_error', code: 'invalid_json', message: 'The server failed to parse the JSON message.', param: null, event_id: null } };
  }
  const rawObj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const eventId = typeof rawObj.event_id === 'string' ? rawObj.event_id : null;
  const type = rawObj.type;
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
    const message = `Invalid value: '${String(type)}'. Supported values are: ${[...KNOWN_TYPES].map((t) => `'${t}'`).join(', ')}.`;
    return { ok: false, error: { type: 'invalid_request_error', code: 'invalid_value', message, param: 'type', event_id: eventId } };
  }
  const result = ClientEvent.safeParse(raw, { reportInput: true });
  if (result.success) return { ok: true, event: result.data };
  const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  if (issue?.code === 'unrecognized_keys') {
    const param = [path, issue.keys[0]].filter(Boolean).join('.');
    return { ok: false, error: { type: 'invalid_request_error', code: 'unknown_parameter', message: `Unknown parameter: '${param}'.`, param, event_id: eventId } };
  }
  const missing = issue?.code === 'invalid_type' && issue.input === undefined;
  const code = missing ? 'missing_required_parameter' : 'invalid_value';
  const message = missing ? `Missing required parameter: '${path}'.` : `Invalid value for '${path}': ${issue?.message ?? 'invalid'}.`;
  return { ok: false, error: { type: 'invalid_request_error', code, message, param: path, event_id: eventId } };
}
