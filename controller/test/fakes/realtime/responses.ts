// How the fake "model" answers: the GA event sequence of a spoken reply and of
// a function call, as the real server streams them.
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  RealtimeConversationItemAssistantMessage,
  RealtimeConversationItemFunctionCall,
  RealtimeResponseUsage,
} from 'openai/resources/realtime/realtime';
import type { ActiveResponse, ConnectionState } from './connection.ts';
import { audioKind, bytesPerMs, type AudioKind } from './session.ts';
import { encodeG711, tone } from './g711.ts';

/** The real server's deltas carry tens to hundreds of ms of audio each; 100 ms keeps tests quick and barge-in precise. */
export const DEFAULT_CHUNK_MS = 100;
/** The real server generates faster than real time (the exact factor varies); the controller must pace it. */
export const DEFAULT_SPEED = 4;

export interface ReplyOptions {
  audioMs: number;
  text: string;
  chunkMs?: number;
  /** How many times faster than real time the deltas are sent. */
  speed?: number;
}
export interface ReplyResult {
  responseId: string;
  itemId: string;
  status: 'completed' | 'cancelled';
  audioMsSent: number;
}

function begin(c: ConnectionState): ActiveResponse {
  if (c.active && !c.active.stopped) throw new Error('fake realtime: the scenario started a response while another is in progress');
  const active: ActiveResponse = { id: c.id('resp'), itemId: undefined, stopped: undefined };
  c.active = active;
  c.send({
    type: 'response.created',
    event_id: c.id('event'),
    response: { id: active.id, object: 'realtime.response', status: 'in_progress', output: [], output_modalities: ['audio'] },
  });
  return active;
}

function finish(c: ConnectionState, active: ActiveResponse): void {
  if (c.active === active) c.active = undefined;
  c.responsesDone++;
}

/** Plausible usage: ~1 token per 100 ms heard, per 50 ms spoken, per 4 characters; the instructions cached after the first turn. */
function usage(c: ConnectionState, outText: string, outAudioMs: number): RealtimeResponseUsage {
  const text = Math.ceil((c.session.instructions?.length ?? 0) / 4);
  const audio = Math.ceil(c.appendedMs / 100);
  const cached = c.responsesDone > 0 ? Math.floor(text / 64) * 64 : 0;
  const outTextTokens = Math.ceil(outText.length / 4);
  const outAudio = Math.ceil(outAudioMs / 50);
  return {
    total_tokens: text + audio + outTextTokens + outAudio,
    input_tokens: text + audio,
    output_tokens: outTextTokens + outAudio,
    input_token_details: { text_tokens: text, audio_tokens: audio, cached_tokens: cached, cached_tokens_details: { text_tokens: cached, audio_tokens: 0 } },
    output_token_details: { text_tokens: outTextTokens, audio_tokens: outAudio },
  };
}

function synthesize(kind: AudioKind, ms: number): Buffer {
  if (kind !== 'pcm24k') return encodeG711(tone(8000, ms), kind);
  const samples = tone(24000, ms);
  return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
}

function splitText(text: string, parts: number): string[] {
  const words = text.split(/(?<=\s)/);
  const per = Math.ceil(words.length / Math.max(1, parts));
  return Array.from({ length: parts }, (_, i) => words.slice(i * per, (i + 1) * per).join(''));
}

export async function streamReply(c: ConnectionState, o: ReplyOptions): Promise<ReplyResult> {
  const chunkMs = o.chunkMs ?? DEFAULT_CHUNK_MS;
  const speed = o.speed ?? DEFAULT_SPEED;
  const active = begin(c);
  const itemId = c.id('item');
  active.itemId = itemId;
  const previous = c.lastItemId;
  c.addItem(itemId, 'assistant');
  const ref = { response_id: active.id, item_id: itemId, output_index: 0, content_index: 0 };
  const item: RealtimeConversationItemAssistantMessage = { id: itemId, object: 'realtime.item', type: 'message', role: 'assistant', status: 'in_progress', content: [] };
  c.send({ type: 'response.output_item.added', event_id: c.id('event'), response_id: active.id, output_index: 0, item });
  c.send({ type: 'conversation.item.added', event_id: c.id('event'), item, previous_item_id: previous });
  c.send({ type: 'response.content_part.added', event_id: c.id('event'), ...ref, part: { type: 'audio', transcript: '' } });

  const kind = audioKind(c.session.audio?.output?.format);
  const audio = synthesize(kind, o.audioMs);
  const chunkBytes = Math.max(1, Math.round(chunkMs * bytesPerMs(kind)));
  const chunks = Math.ceil(audio.length / chunkBytes);
  const pieces = splitText(o.text, chunks);
  let audioMsSent = 0;
  let spoken = '';
  for (let i = 0; i < chunks && !active.stopped && !c.closed; i++) {
    const chunk = audio.subarray(i * chunkBytes, (i + 1) * chunkBytes);
    c.send({ type: 'response.output_audio.delta', event_id: c.id('event'), ...ref, delta: chunk.toString('base64') });
    const ms = chunk.length / bytesPerMs(kind);
    audioMsSent += ms;
    c.addItemAudio(itemId, ms);
    const piece = pieces[i] ?? '';
    spoken += piece;
    if (piece) c.send({ type: 'response.output_audio_transcript.delta', event_id: c.id('event'), ...ref, delta: piece });
    await sleep(chunkMs / speed);
  }

  const stopped = active.stopped;
  if (!stopped) {
    c.send({ type: 'response.output_audio.done', event_id: c.id('event'), ...ref });
    c.send({ type: 'response.output_audio_transcript.done', event_id: c.id('event'), ...ref, transcript: o.text });
    c.send({ type: 'response.content_part.done', event_id: c.id('event'), ...ref, part: { type: 'audio', transcript: o.text } });
  }
  const done: RealtimeConversationItemAssistantMessage = {
    ...item,
    status: stopped ? 'incomplete' : 'completed',
    content: [{ type: 'output_audio', transcript: stopped ? spoken : o.text }],
  };
  c.send({ type: 'response.output_item.done', event_id: c.id('event'), response_id: active.id, output_index: 0, item: done });
  c.send({ type: 'conversation.item.done', event_id: c.id('event'), item: done, previous_item_id: previous });
  c.send({
    type: 'response.done',
    event_id: c.id('event'),
    response: {
      id: active.id,
      object: 'realtime.response',
      status: stopped ? 'cancelled' : 'completed',
      ...(stopped ? { status_details: { type: 'cancelled', reason: stopped } } : {}),
      output: [done],
      output_modalities: ['audio'],
      usage: usage(c, stopped ? spoken : o.text, audioMsSent),
    },
  });
  finish(c, active);
  return { responseId: active.id, itemId, status: stopped ? 'cancelled' : 'completed', audioMsSent };
}

export async function streamFunctionCall(c: ConnectionState, name: string, args: string, callId: string): Promise<string> {
  const active = begin(c);
  const itemId = c.id('item');
  const previous = c.lastItemId;
  c.addItem(itemId, 'function_call');
  const item: RealtimeConversationItemFunctionCall = { id: itemId, object: 'realtime.item', type: 'function_call', status: 'in_progress', name, call_id: callId, arguments: '' };
  const ref = { response_id: active.id, item_id: itemId, output_index: 0, call_id: callId };
  c.send({ type: 'response.output_item.added', event_id: c.id('event'), response_id: active.id, output_index: 0, item });
  c.send({ type: 'conversation.item.added', event_id: c.id('event'), item, previous_item_id: previous });
  const third = Math.ceil(args.length / 3) || 1;
  for (let i = 0; i < args.length; i += third) {
    c.send({ type: 'response.function_call_arguments.delta', event_id: c.id('event'), ...ref, delta: args.slice(i, i + third) });
    await sleep(1);
  }
  c.send({ type: 'response.function_call_arguments.done', event_id: c.id('event'), ...ref, name, arguments: args });
  const done: RealtimeConversationItemFunctionCall = { ...item, status: 'completed', arguments: args };
  c.send({ type: 'response.output_item.done', event_id: c.id('event'), response_id: active.id, output_index: 0, item: done });
  c.send({ type: 'conversation.item.done', event_id: c.id('event'), item: done, previous_item_id: previous });
  c.send({
    type: 'response.done',
    event_id: c.id('event'),
    response: { id: active.id, object: 'realtime.response', status: 'completed', output: [done], output_modalities: ['audio'], usage: usage(c, args, 0) },
  });
  finish(c, active);
  return callId;
}
