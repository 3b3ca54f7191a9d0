// One client connection to the fake Realtime server: reads client events
// strictly, answers them as the GA server does, and records what a test
// asserts on. The scenario helpers (scenario.ts) drive the server's side.
import { performance } from 'node:perf_hooks';
import type WebSocket from 'ws';
import type { RealtimeError, RealtimeServerEvent, RealtimeSessionCreateRequest } from 'openai/resources/realtime/realtime';
import { parseClientFrame, type ClientEvent, type SessionRequest } from './client-wire.ts';
import { applySessionUpdate, audioKind, bytesPerMs, defaultSession } from './session.ts';
import { decodeG711 } from './g711.ts';

/** Long enough for a loaded CI machine; short enough that a missing event fails fast, not at tap's timeout. */
export const SCENARIO_WAIT_TIMEOUT_MS = 5_000;

export interface AudioChunk { receivedAt: number; bytes: number; samples: Int16Array }
export interface TruncateRecord { itemId: string; contentIndex: number; audioEndMs: number; receivedAt: number }
export interface ToolOutputRecord { callId: string; output: string }
export interface ResponseCreateRecord { instructions: string | undefined; receivedAt: number }
export type StopReason = 'turn_detected' | 'client_cancelled';
export interface ActiveResponse { id: string; itemId: string | undefined; stopped: StopReason | undefined }
type ItemKind = 'system' | 'user' | 'assistant' | 'function_call' | 'function_call_output';
interface ItemState { kind: ItemKind; audioMs: number }
interface Waiter { check: () => boolean; resolve: () => void; reject: (err: Error) => void; timer: NodeJS.Timeout }

export class ConnectionState {
  session: RealtimeSessionCreateRequest;
  readonly audio: AudioChunk[] = [];
  readonly truncates: TruncateRecord[] = [];
  readonly toolOutputs: ToolOutputRecord[] = [];
  /** Every item the client created, as sent (a restored transcript shows up here). */
  readonly createdItems: unknown[] = [];
  readonly responseCreates: ResponseCreateRecord[] = [];
  readonly sessionUpdates: SessionRequest[] = [];
  readonly received: ClientEvent['type'][] = [];
  readonly errorsSent: RealtimeError[] = [];
  responseCancels = 0;
  responsesDone = 0;
  appendedBytes = 0;
  active: ActiveResponse | undefined;
  lastItemId: string | null = null;
  closed = false;
  private readonly items = new Map<string, ItemState>();
  private readonly waiters = new Set<Waiter>();
  private seq = 0;
  private audioSpoken = false;

  constructor(
    private readonly ws: WebSocket,
    readonly model: string,
  ) {
    this.session = defaultSession(model);
    ws.on('message', (data) => this.onFrame(Buffer.isBuffer(data) ? data.toString('utf8') : String(data)));
    ws.on('close', () => {
      this.closed = true;
      this.notify();
    });
    this.send({ type: 'session.created', event_id: this.id('event'), session: this.session });
  }

  get appendedMs(): number {
    return this.appendedBytes / bytesPerMs(audioKind(this.session.audio?.input?.format));
  }

  id(prefix: string): string {
    return `${prefix}_fake${(++this.seq).toString().padStart(6, '0')}`;
  }

  send(event: RealtimeServerEvent): void {
    if (event.type === 'response.output_audio.delta') this.audioSpoken = true;
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(event));
  }

  sendError(error: RealtimeError): void {
    this.errorsSent.push(error);
    this.send({ type: 'error', event_id: this.id('event'), error });
  }

  addItem(id: string, kind: ItemKind): void {
    this.items.set(id, { kind, audioMs: 0 });
    this.lastItemId = id;
  }

  addItemAudio(id: string, ms: number): void {
    const item = this.items.get(id);
    if (item) item.audioMs += ms;
  }

  /** Resolves when `check` holds; rejects after the timeout or when the client goes away. */
  waitFor(what: string, check: () => boolean, timeoutMs = SCENARIO_WAIT_TIMEOUT_MS): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`fake realtime: timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      this.notify(what);
    });
  }

  notify(what?: string): void {
    for (const w of [...this.waiters]) {
      const ok = w.check();
      if (!ok && !this.closed) continue;
      this.waiters.delete(w);
      clearTimeout(w.timer);
      if (ok) w.resolve();
      else w.reject(new Error(`fake realtime: the client disconnected while the scenario waited${what ? ` for ${what}` : ''}`));
    }
  }

  terminate(): void {
    this.ws.terminate();
  }

  /** Stop or restart reading the client's frames, as a stalled network would. */
  setReading(on: boolean): void {
    if (on) this.ws.resume();
    else this.ws.pause();
  }

  private onFrame(text: string): void {
    const parsed = parseClientFrame(text);
    if (!parsed.ok) return this.sendError(parsed.error);
    this.received.push(parsed.event.type);
    this.handle(parsed.event);
    this.notify();
  }

  private handle(e: ClientEvent): void {
    const eventId = e.event_id ?? null;
    const fail = (code: string, message: string, param: string | null = null): void =>
      this.sendError({ type: 'invalid_request_error', code, message, param, event_id: eventId });
    switch (e.type) {
      case 'session.update': {
        const voice = e.session.audio?.output?.voice;
        if (voice !== undefined && this.audioSpoken && voice !== this.session.audio?.output?.voice) {
          return fail('cannot_update_voice', 'Cannot update a conversation\'s voice if assistant audio is present.', 'session.audio.output.voice');
        }
        this.sessionUpdates.push(e.session);
        this.session = applySessionUpdate(this.session, e.session);
        return this.send({ type: 'session.updated', event_id: this.id('event'), session: this.session });
      }
      case 'input_audio_buffer.append': {
        const bytes = Buffer.from(e.audio, 'base64');
        const kind = audioKind(this.session.audio?.input?.format);
        const samples = kind === 'pcm24k' ? new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1).slice() : decodeG711(bytes, kind);
        this.audio.push({ receivedAt: performance.now(), bytes: bytes.length, samples });
        this.appendedBytes += bytes.length;
        return;
      }
      case 'input_audio_buffer.commit': {
        const itemId = this.id('item');
        this.send({ type: 'input_audio_buffer.committed', event_id: this.id('event'), item_id: itemId, previous_item_id: this.lastItemId });
        return this.addItem(itemId, 'user');
      }
      case 'input_audio_buffer.clear':
        return this.send({ type: 'input_audio_buffer.cleared', event_id: this.id('event') });
      case 'output_audio_buffer.clear':
        // The output buffer exists only over WebRTC and SIP (unverified wording of the real error).
        return fail('invalid_value', 'output_audio_buffer.clear is only supported for WebRTC and SIP sessions.', 'type');
      case 'conversation.item.create': {
        const item = { ...e.item, id: e.item.id ?? this.id('item'), object: 'realtime.item' as const, status: 'completed' as const };
        this.createdItems.push(e.item);
        if (item.type === 'function_call_output') this.toolOutputs.push({ callId: item.call_id, output: item.output });
        const previous = this.lastItemId;
        this.addItem(item.id, item.type === 'message' ? item.role : item.type);
        this.send({ type: 'conversation.item.added', event_id: this.id('event'), item, previous_item_id: previous });
        return this.send({ type: 'conversation.item.done', event_id: this.id('event'), item, previous_item_id: previous });
      }
      case 'conversation.item.retrieve':
      case 'conversation.item.delete': {
        if (!this.items.has(e.item_id)) return fail('item_not_found', `Item with item_id '${e.item_id}' not found.`, 'item_id');
        if (e.type === 'conversation.item.retrieve') return fail('not_supported', 'The fake does not keep item contents.', 'item_id');
        this.items.delete(e.item_id);
        return this.send({ type: 'conversation.item.deleted', event_id: this.id('event'), item_id: e.item_id });
      }
      case 'conversation.item.truncate':
        return this.truncate(e, fail);
      case 'response.create':
        if (this.active && !this.active.stopped) {
          return fail('conversation_already_has_active_response', `Conversation already has an active response in progress: ${this.active.id}. Wait until the response is finished before creating a new one.`);
        }
        this.responseCreates.push({ instructions: e.response?.instructions, receivedAt: performance.now() });
        return;
      case 'response.cancel':
        if (!this.active || this.active.stopped) return fail('response_cancel_not_active', 'Cancellation failed: no active response found.');
        this.responseCancels++;
        this.active.stopped = 'client_cancelled';
        return;
    }
  }

  private truncate(e: Extract<ClientEvent, { type: 'conversation.item.truncate' }>, fail: (code: string, message: string, param?: string) => void): void {
    const item = this.items.get(e.item_id);
    if (!item) return fail('item_truncate_invalid_item_id', `Item with item_id '${e.item_id}' not found.`, 'item_id');
    if (item.kind !== 'assistant') return fail('invalid_value', 'Only assistant messages can be truncated.', 'item_id');
    if (e.content_index !== 0) return fail('invalid_value', `Content part ${e.content_index} not found.`, 'content_index');
    if (e.audio_end_ms > item.audioMs) {
      return fail('invalid_value', `Audio content of ${Math.floor(item.audioMs)}ms is already shorter than ${e.audio_end_ms}ms`, 'audio_end_ms');
    }
    this.truncates.push({ itemId: e.item_id, contentIndex: e.content_index, audioEndMs: e.audio_end_ms, receivedAt: performance.now() });
    item.audioMs = e.audio_end_ms;
    // The rest of an interrupted answer is never sent.
    if (this.active?.itemId === e.item_id && !this.active.stopped) this.active.stopped = 'client_cancelled';
    this.send({ type: 'conversation.item.truncated', event_id: this.id('event'), item_id: e.item_id, content_index: 0, audio_end_ms: e.audio_end_ms });
  }
}
