import t from 'tap';
import type { RealtimeConversationItemAssistantMessage, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { parseServerEvent, parseServerFrame, type ServerEventType } from '../../src/realtime/protocol.ts';

// Each fixture is typed by the openai package, so it has the real GA shape.
const ref = { response_id: 'resp_1', item_id: 'item_2', output_index: 0, content_index: 0 };
const usage = {
  total_tokens: 380,
  input_tokens: 300,
  output_tokens: 80,
  input_token_details: { cached_tokens: 256, audio_tokens: 40, text_tokens: 260, image_tokens: 0, cached_tokens_details: { text_tokens: 256, audio_tokens: 0, image_tokens: 0 } },
  output_token_details: { text_tokens: 20, audio_tokens: 60 },
};
const assistantItem: RealtimeConversationItemAssistantMessage = {
  id: 'item_2',
  object: 'realtime.item',
  type: 'message',
  role: 'assistant',
  status: 'completed',
  content: [{ type: 'output_audio', transcript: 'Bonjour !' }],
};
const session = {
  type: 'realtime',
  model: 'gpt-realtime',
  instructions: 'Tu es l’assistant de la pizzeria.',
  output_modalities: ['audio'],
  tool_choice: 'auto',
  max_output_tokens: 'inf',
  tools: [{ type: 'function', name: 'add_item', description: 'Add to the order', parameters: { type: 'object' } }],
  audio: {
    input: {
      format: { type: 'audio/pcmu' },
      transcription: { model: 'gpt-4o-mini-transcribe', language: 'fr' },
      turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500, idle_timeout_ms: null, create_response: true, interrupt_response: true },
    },
    output: { format: { type: 'audio/pcmu' }, voice: 'marin', speed: 1 },
  },
} as const;

const fixtures: Record<ServerEventType, RealtimeServerEvent> = {
  'session.created': { type: 'session.created', event_id: 'e1', session: { ...session, tools: [...session.tools], output_modalities: ['audio'] } },
  'session.updated': { type: 'session.updated', event_id: 'e2', session: { type: 'realtime', audio: { output: { format: { type: 'audio/pcma' }, voice: 'cedar' } } } },
  'input_audio_buffer.speech_started': { type: 'input_audio_buffer.speech_started', event_id: 'e3', audio_start_ms: 1200, item_id: 'item_1' },
  'input_audio_buffer.speech_stopped': { type: 'input_audio_buffer.speech_stopped', event_id: 'e4', audio_end_ms: 2400, item_id: 'item_1' },
  'input_audio_buffer.committed': { type: 'input_audio_buffer.committed', event_id: 'e5', item_id: 'item_1', previous_item_id: null },
  'input_audio_buffer.cleared': { type: 'input_audio_buffer.cleared', event_id: 'e6' },
  'conversation.item.created': { type: 'conversation.item.created', event_id: 'e7', item: { type: 'function_call_output', call_id: 'call_1', output: '{"ok":true}' }, previous_item_id: 'item_0' },
  'conversation.item.added': { type: 'conversation.item.added', event_id: 'e8', item: { id: 'item_1', type: 'message', role: 'user', content: [{ type: 'input_audio' }] } },
  'conversation.item.done': { type: 'conversation.item.done', event_id: 'e9', item: { id: 'item_1', type: 'message', role: 'user', content: [{ type: 'input_audio', transcript: 'Une margherita' }] } },
  'conversation.item.deleted': { type: 'conversation.item.deleted', event_id: 'e10', item_id: 'item_1' },
  'conversation.item.truncated': { type: 'conversation.item.truncated', event_id: 'e11', item_id: 'item_2', content_index: 0, audio_end_ms: 640 },
  'conversation.item.input_audio_transcription.completed': {
    type: 'conversation.item.input_audio_transcription.completed',
    event_id: 'e12',
    item_id: 'item_1',
    content_index: 0,
    transcript: 'Une margherita, s’il vous plaît',
    usage: { type: 'tokens', input_tokens: 20, output_tokens: 8, total_tokens: 28, input_token_details: { audio_tokens: 20, text_tokens: 0 } },
  },
  'conversation.item.input_audio_transcription.failed': {
    type: 'conversation.item.input_audio_transcription.failed',
    event_id: 'e13',
    item_id: 'item_1',
    content_index: 0,
    error: { type: 'transcription_error', code: 'audio_unintelligible', message: 'The audio could not be transcribed.' },
  },
  'response.created': { type: 'response.created', event_id: 'e14', response: { id: 'resp_1', object: 'realtime.response', status: 'in_progress', output: [] } },
  'response.done': {
    type: 'response.done',
    event_id: 'e15',
    response: { id: 'resp_1', object: 'realtime.response', status: 'cancelled', status_details: { type: 'cancelled', reason: 'turn_detected' }, output: [assistantItem], usage },
  },
  'response.output_item.added': { type: 'response.output_item.added', event_id: 'e16', response_id: 'resp_1', output_index: 0, item: { id: 'item_3', type: 'function_call', name: 'add_item', arguments: '', call_id: 'call_1', status: 'in_progress' } },
  'response.output_item.done': { type: 'response.output_item.done', event_id: 'e17', response_id: 'resp_1', output_index: 0, item: assistantItem },
  'response.output_audio.delta': { type: 'response.output_audio.delta', event_id: 'e18', ...ref, delta: Buffer.alloc(160, 0xff).toString('base64') },
  'response.output_audio.done': { type: 'response.output_audio.done', event_id: 'e19', ...ref },
  'response.output_audio_transcript.delta': { type: 'response.output_audio_transcript.delta', event_id: 'e20', ...ref, delta: 'Bonjour' },
  'response.output_audio_transcript.done': { type: 'response.output_audio_transcript.done', event_id: 'e21', ...ref, transcript: 'Bonjour !' },
  'response.function_call_arguments.delta': { type: 'response.function_call_arguments.delta', event_id: 'e22', response_id: 'resp_1', item_id: 'item_3', output_index: 0, call_id: 'call_1', delta: '{"code":' },
  'response.function_call_arguments.done': {
    type: 'response.function_call_arguments.done',
    event_id: 'e23',
    response_id: 'resp_1',
    item_id: 'item_3',
    output_index: 0,
    call_id: 'call_1',
    name: 'add_item',
    arguments: '{"code":"PIZ-MARG","quantity":2}',
  },
  error: { type: 'error', event_id: 'e24', error: { type: 'invalid_request_error', code: 'unknown_parameter', message: "Unknown parameter: 'session.input_audio_format'.", param: 'session.input_audio_format', event_id: 'c7' } },
  'rate_limits.updated': { type: 'rate_limits.updated', event_id: 'e25', rate_limits: [{ name: 'tokens', limit: 40000, remaining: 39000, reset_seconds: 1.5 }, { name: 'requests', limit: 1000, remaining: 999, reset_seconds: 0.06 }] },
};

t.test('every consumed event parses to itself, field for field', async (t) => {
  for (const [type, fixture] of Object.entries(fixtures)) {
    t.equal(fixture.type, type, `fixture ${type} is keyed by its type`);
    t.same(parseServerFrame(JSON.stringify(fixture)), fixture, type);
  }
});

t.test('an event type the controller does not consume is typed unknown, never thrown', async (t) => {
  const raw = { type: 'response.mcp_call.in_progress', event_id: 'e1', item_id: 'i', output_index: 0 };
  t.same(parseServerEvent(raw), { type: 'unknown', eventType: 'response.mcp_call.in_progress', raw });
  const future = { type: 'response.something_new', event_id: 'e2' };
  t.same(parseServerFrame(JSON.stringify(future)), { type: 'unknown', eventType: 'response.something_new', raw: future });
  t.equal(parseServerEvent(null).type, 'unknown');
  t.equal(parseServerEvent({ no: 'type' }).type, 'unknown');
});

t.test('the beta event names are not mistaken for GA ones', async (t) => {
  const beta = { type: 'response.audio.delta', event_id: 'e1', ...ref, delta: 'AAAA' };
  t.equal(parseServerEvent(beta).type, 'unknown');
});

t.test('a consumed event with a wrong body is invalid, with the field at fault', async (t) => {
  const parsed = parseServerEvent({ type: 'response.output_audio.delta', event_id: 'e1', ...ref, delta: 42 });
  t.equal(parsed.type, 'invalid');
  if (parsed.type === 'invalid') t.match(parsed.problem, /^delta: /);
  const notJson = parseServerFrame('{"type": "response.done"');
  t.equal(notJson.type, 'invalid');
  if (notJson.type === 'invalid') t.match(notJson.problem, /not JSON/);
});

t.test('null where the package says absent (as the real server sends) reads as absent', async (t) => {
  const raw = {
    type: 'session.created',
    event_id: 'e1',
    session: { type: 'realtime', object: 'realtime.session', id: 'sess_1', audio: { input: { format: { type: 'audio/pcm', rate: 24000 }, transcription: null, turn_detection: null } } },
  };
  const parsed = parseServerEvent(raw);
  t.equal(parsed.type, 'session.created');
  if (parsed.type === 'session.created') {
    t.equal(parsed.session.id, 'sess_1');
    t.equal(parsed.session.audio?.input?.transcription, undefined);
    t.equal(parsed.session.audio?.input?.turn_detection, null);
  }
});

t.test('response.done keeps its usage even when the output holds an item kind we do not model', async (t) => {
  const raw = {
    type: 'response.done',
    event_id: 'e1',
    response: { id: 'resp_1', status: 'completed', output: [{ id: 'mcp_1', type: 'mcp_list_tools', server_label: 's', tools: [] }, assistantItem], usage },
  };
  const parsed = parseServerEvent(raw);
  t.equal(parsed.type, 'response.done');
  if (parsed.type === 'response.done') {
    t.same(parsed.response.output, [assistantItem]);
    t.equal(parsed.response.usage?.input_token_details?.cached_tokens, 256);
  }
});
