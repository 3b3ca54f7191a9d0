// The scenario DSL: what the "model" does on one connection, as an async
// script. Every event goes over the wire in GA shape; nothing is answered out of band.
import { setTimeout as sleep } from 'node:timers/promises';
import type { RealtimeAudioInputTurnDetection, RealtimeConversationItemUserMessage } from 'openai/resources/realtime/realtime';
import { ConnectionState, type ResponseCreateRecord, type TruncateRecord } from './connection.ts';
import { streamFunctionCall, streamReply, type ReplyOptions, type ReplyResult } from './responses.ts';

export class FakeRealtimeConnection extends ConnectionState {
  private pendingUserItem: string | undefined;
  private lastUserItem: string | undefined;
  private truncateCursor = 0;
  private responseCreateCursor = 0;

  private get turnDetection(): RealtimeAudioInputTurnDetection | null | undefined {
    return this.session.audio?.input?.turn_detection;
  }

  /** Resolves once `ms` of caller audio (in total) has been appended. */
  async waitForAudio(ms: number): Promise<void> {
    await this.waitFor(`${ms} ms of caller audio`, () => this.appendedMs >= ms);
  }

  /** Server VAD heard the caller: interrupts an answer in progress when `interrupt_response` is on. */
  speechStarted(opts: { audioStartMs?: number } = {}): string {
    const itemId = this.id('item');
    this.pendingUserItem = itemId;
    const td = this.turnDetection;
    const padding = td?.type === 'server_vad' ? (td.prefix_padding_ms ?? 300) : 0;
    const audioStartMs = opts.audioStartMs ?? Math.max(0, Math.floor(this.appendedMs) - padding);
    this.send({ type: 'input_audio_buffer.speech_started', event_id: this.id('event'), audio_start_ms: audioStartMs, item_id: itemId });
    if (td?.interrupt_response !== false && this.active && !this.active.stopped) this.active.stopped = 'turn_detected';
    return itemId;
  }

  /** End of the caller's turn: the buffer is committed into a user item. */
  speechStopped(): string {
    const itemId = this.pendingUserItem ?? this.id('item');
    this.pendingUserItem = undefined;
    const audioEndMs = Math.floor(this.appendedMs);
    this.send({ type: 'input_audio_buffer.speech_stopped', event_id: this.id('event'), audio_end_ms: audioEndMs, item_id: itemId });
    const previous = this.lastItemId;
    this.send({ type: 'input_audio_buffer.committed', event_id: this.id('event'), item_id: itemId, previous_item_id: previous });
    this.addItem(itemId, 'user');
    this.lastUserItem = itemId;
    const item: RealtimeConversationItemUserMessage = { id: itemId, object: 'realtime.item', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_audio' }] };
    this.send({ type: 'conversation.item.added', event_id: this.id('event'), item, previous_item_id: previous });
    return itemId;
  }

  /** The caller's words, transcribed (needs `audio.input.transcription` in the session, as on the real server). */
  transcript(text: string, itemId = this.lastUserItem): void {
    if (!itemId) throw new Error('fake realtime: transcript() before any committed caller turn');
    if (!this.session.audio?.input?.transcription) throw new Error('fake realtime: transcription is not enabled in the session');
    const tokens = Math.ceil(text.length / 4);
    this.send({
      type: 'conversation.item.input_audio_transcription.completed',
      event_id: this.id('event'),
      item_id: itemId,
      content_index: 0,
      transcript: text,
      usage: { type: 'tokens', input_tokens: tokens * 2, output_tokens: tokens, total_tokens: tokens * 3 },
    });
  }

  /** The model speaks: audio deltas in the session's output format, faster than real time. */
  reply(opts: ReplyOptions): Promise<ReplyResult> {
    return streamReply(this, opts);
  }

  /** The model calls a tool; resolves with the call id once `response.done` is sent. */
  callTool(name: string, args: Record<string, unknown> | string, opts: { callId?: string } = {}): Promise<string> {
    return streamFunctionCall(this, name, typeof args === 'string' ? args : JSON.stringify(args), opts.callId ?? this.id('call'));
  }

  async waitForToolOutput(callId: string): Promise<string> {
    const find = () => this.toolOutputs.find((o) => o.callId === callId);
    await this.waitFor(`the output of tool call ${callId}`, () => find() !== undefined);
    return find()?.output ?? '';
  }

  /** The next truncate not yet returned by an earlier call. */
  async waitForTruncate(): Promise<TruncateRecord> {
    await this.waitFor('conversation.item.truncate', () => this.truncates.length > this.truncateCursor);
    return this.truncates[this.truncateCursor++] as TruncateRecord;
  }

  /** The next response.create not yet returned by an earlier call. */
  async waitForResponseCreate(): Promise<ResponseCreateRecord> {
    await this.waitFor('response.create', () => this.responseCreates.length > this.responseCreateCursor);
    return this.responseCreates[this.responseCreateCursor++] as ResponseCreateRecord;
  }

  async waitForSessionUpdate(count = 1): Promise<void> {
    await this.waitFor(`${count} session.update`, () => this.sessionUpdates.length >= count);
  }

  /** The connection dies without a close frame: the client sees 1006. */
  drop(): void {
    this.terminate();
  }

  async idle(ms: number): Promise<void> {
    await sleep(ms);
  }
}
