import t, { type Test } from 'tap';
import {
  conversationItemCreateAssistantText,
  conversationItemCreateUserText,
  conversationItemDelete,
  conversationItemTruncate,
  functionCallOutput,
  inputAudioAppend,
  responseCancel,
  responseCreate,
  sessionUpdate,
  type SessionOptions,
} from '../../src/realtime/protocol.ts';
import { parseClientFrame } from '../fakes/realtime/client-wire.ts';

const BETA_SESSION_FIELDS = ['input_audio_format', 'output_audio_format', 'modalities', 'voice', 'turn_detection', 'input_audio_transcription', 'max_response_output_tokens'];

const base: SessionOptions = {
  model: 'gpt-realtime',
  instructions: 'Tu es l’assistant téléphonique de la pizzeria.',
  voice: 'marin',
  tools: [{ type: 'function', name: 'add_item', description: 'Add an item', parameters: { type: 'object', properties: {} } }],
  audioFormat: 'audio/pcmu',
  turnDetection: { type: 'server_vad', threshold: 0.6, prefixPaddingMs: 300, silenceDurationMs: 600 },
  inputTranscription: { model: 'gpt-4o-mini-transcribe', language: 'fr' },
  maxOutputTokens: 800,
};

/** Every built event is also accepted by the strict GA reader of the fake server. */
function acceptedByStrictReader(t: Test, event: unknown): void {
  const parsed = parseClientFrame(JSON.stringify(event));
  t.ok(parsed.ok, parsed.ok ? 'accepted by the strict GA reader' : `rejected: ${parsed.error.message}`);
}

t.test('session.update has the GA shape, G.711 both ways, no beta field', async (t) => {
  const e = sessionUpdate(base);
  t.same(e, {
    type: 'session.update',
    session: {
      type: 'realtime',
      model: 'gpt-realtime',
      instructions: base.instructions,
      output_modalities: ['audio'],
      audio: {
        input: {
          format: { type: 'audio/pcmu' },
          turn_detection: { type: 'server_vad', threshold: 0.6, prefix_padding_ms: 300, silence_duration_ms: 600, create_response: true, interrupt_response: true },
          transcription: { model: 'gpt-4o-mini-transcribe', language: 'fr' },
        },
        output: { format: { type: 'audio/pcmu' }, voice: 'marin' },
      },
      tools: base.tools,
      tool_choice: 'auto',
      max_output_tokens: 800,
    },
  });
  for (const field of BETA_SESSION_FIELDS) t.notOk(field in e.session, `no beta session.${field}`);
  acceptedByStrictReader(t, e);
});

t.test('session.update with A-law, semantic VAD, no transcription and no model', async (t) => {
  const e = sessionUpdate({
    ...base,
    model: undefined,
    audioFormat: 'audio/pcma',
    turnDetection: { type: 'semantic_vad', eagerness: 'low' },
    inputTranscription: undefined,
    maxOutputTokens: undefined,
  });
  const s = e.session;
  t.equal(s.type, 'realtime');
  if (s.type !== 'realtime') return;
  t.notOk('model' in s);
  t.notOk('max_output_tokens' in s);
  t.same(s.audio?.input?.format, { type: 'audio/pcma' });
  t.same(s.audio?.output?.format, { type: 'audio/pcma' });
  t.same(s.audio?.input?.turn_detection, { type: 'semantic_vad', eagerness: 'low', create_response: true, interrupt_response: true });
  t.notOk(s.audio?.input && 'transcription' in s.audio.input);
  acceptedByStrictReader(t, e);
});

t.test('server VAD options map to the wire names, including the idle timeout and opt-outs', async (t) => {
  const e = sessionUpdate({
    ...base,
    turnDetection: { type: 'server_vad', threshold: 0.5, prefixPaddingMs: 200, silenceDurationMs: 500, idleTimeoutMs: 8000, createResponse: false, interruptResponse: false },
  });
  t.same(e.session.audio?.input?.turn_detection, {
    type: 'server_vad',
    threshold: 0.5,
    prefix_padding_ms: 200,
    silence_duration_ms: 500,
    idle_timeout_ms: 8000,
    create_response: false,
    interrupt_response: false,
  });
  acceptedByStrictReader(t, e);
});

t.test('the other builders', async (t) => {
  const cases: Array<[string, unknown, unknown]> = [
    ['append', inputAudioAppend('/w=='), { type: 'input_audio_buffer.append', audio: '/w==' }],
    ['truncate (whole ms, never negative)', conversationItemTruncate('item_2', 0, 1234.6), { type: 'conversation.item.truncate', item_id: 'item_2', content_index: 0, audio_end_ms: 1235 }],
    ['truncate clamps', conversationItemTruncate('item_2', 0, -5), { type: 'conversation.item.truncate', item_id: 'item_2', content_index: 0, audio_end_ms: 0 }],
    ['delete', conversationItemDelete('item_9'), { type: 'conversation.item.delete', item_id: 'item_9' }],
    ['function output', functionCallOutput('call_1', '{"ok":true}'), { type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'call_1', output: '{"ok":true}' } }],
    ['response.create', responseCreate(), { type: 'response.create' }],
    ['response.create with instructions', responseCreate('Dis bonjour.'), { type: 'response.create', response: { instructions: 'Dis bonjour.' } }],
    ['response.cancel', responseCancel(), { type: 'response.cancel' }],
    ['response.cancel by id', responseCancel('resp_1'), { type: 'response.cancel', response_id: 'resp_1' }],
    [
      'user text',
      conversationItemCreateUserText('Une margherita'),
      { type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Une margherita' }] } },
    ],
    [
      'assistant text',
      conversationItemCreateAssistantText('Très bien.'),
      { type: 'conversation.item.create', item: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Très bien.' }] } },
    ],
  ];
  for (const [name, built, expected] of cases) {
    t.same(built, expected, name);
    acceptedByStrictReader(t, built);
  }
});
