// One WebSocket to OpenAI Realtime (GA). Parses every frame at the edge,
// dispatches events to handlers one at a time in arrival order, and refuses to
// queue audio without bound when the network is slower than the call.
import WebSocket, { type RawData } from 'ws';
import type { RealtimeClientEvent } from 'openai/resources/realtime/realtime';
import { parseServerFrame, type ParsedServerEvent } from './server-events.ts';
import { RealtimeConnectError } from './realtime-errors.ts';
import { Listeners, OrderedQueue, type Handler } from './ordered-dispatch.ts';

/** TLS + upgrade to OpenAI takes well under a second; past 10 s the caller has heard silence too long, so fail and fall back. */
export const REALTIME_CONNECT_TIMEOUT_MS = 10_000;
/** How long a polite close may wait for the server's close frame before the socket is destroyed. */
export const REALTIME_CLOSE_TIMEOUT_MS = 2_000;
/** About 4 s of G.711 append frames: the link is stalled, so new caller audio is dropped rather than queued. */
export const SEND_HIGH_WATER_BYTES = 64 * 1024;
/** Backpressure ends once the kernel has drained most of the backlog. */
export const SEND_LOW_WATER_BYTES = 16 * 1024;
/** Past this the socket is useless for a live call; close it instead of growing memory. */
export const SEND_HARD_LIMIT_BYTES = 1024 * 1024;
/** A close reason longer than 123 bytes is a protocol error in `ws`. */
const MAX_CLOSE_REASON_BYTES = 123;

export interface RealtimeSocketOptions {
  /** `OPENAI_REALTIME_URL`: a full ws:// or wss:// URL. */
  url: string;
  apiKey: string;
  /** Appended as `?model=` when the URL has none. */
  model: string;
  connectTimeoutMs?: number;
}

export interface RealtimeCloseInfo {
  code: number;
  reason: string;
  /** `network`: no close frame (1006), e.g. a dropped TCP connection. */
  by: 'client' | 'server' | 'network';
}

export interface RealtimeSocketStats {
  bytesIn: number;
  bytesOut: number;
  eventsIn: number;
  eventsOut: number;
  droppedAudioEvents: number;
  bufferedAmount: number;
}

export interface BackpressureState {
  active: boolean;
  bufferedAmount: number;
}

/** `dropped`: audio refused under backpressure; `closed`: the socket is not open. */
export type SendResult = 'sent' | 'dropped' | 'closed';


export function buildRealtimeUrl(url: string, model: string): string {
  const u = new URL(url);
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') throw new Error(`OPENAI_REALTIME_URL must be ws:// or wss://, got ${u.protocol}`);
  if (!u.searchParams.has('model')) u.searchParams.set('model', model);
  return u.toString();
}

export class RealtimeSocket {
  readonly url: string;
  /** Resolves once, when the socket is closed for any reason. */
  readonly closed: Promise<RealtimeCloseInfo>;
  private ws: WebSocket | undefined;
  private readonly events = new Listeners<ParsedServerEvent>();
  private readonly closes = new Listeners<RealtimeCloseInfo>();
  private readonly backpressures = new Listeners<BackpressureState>();
  private readonly errors = new Set<(err: Error) => void>();
  private readonly queue = new OrderedQueue({ pause: () => this.ws?.pause(), resume: () => this.ws?.resume() });
  private backpressure = false;
  private closeRequested: string | undefined;
  private lastError: Error | undefined;
  private connectError: RealtimeConnectError | undefined;
  private closeInfo: RealtimeCloseInfo | undefined;
  private resolveClosed!: (info: RealtimeCloseInfo) => void;
  private readonly counters = { bytesIn: 0, bytesOut: 0, eventsIn: 0, eventsOut: 0, droppedAudioEvents: 0 };

  constructor(private readonly options: RealtimeSocketOptions) {
    this.url = buildRealtimeUrl(options.url, options.model);
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN && this.closeInfo === undefined;
  }

  get stats(): RealtimeSocketStats {
    return { ...this.counters, bufferedAmount: this.ws?.bufferedAmount ?? 0 };
  }

  /** Handlers run one at a time, in arrival order; register them before `connect()`. */
  onEvent(handler: Handler<ParsedServerEvent>): () => void {
    return this.events.add(handler);
  }

  /** Called once, after every event received before the close was dispatched. */
  onClose(handler: Handler<RealtimeCloseInfo>): () => void {
    return this.closes.add(handler);
  }

  /** Called when sending starts and stops being throttled. */
  onBackpressure(handler: Handler<BackpressureState>): () => void {
    return this.backpressures.add(handler);
  }

  /** Errors thrown by event handlers (they never stop the dispatch). */
  onError(handler: (err: Error) => void): () => void {
    this.errors.add(handler);
    return () => this.errors.delete(handler);
  }

  connect(): Promise<void> {
    if (this.ws) return Promise.reject(new Error('RealtimeSocket.connect() was already called'));
    if (this.closeRequested !== undefined) {
      return Promise.reject(new RealtimeConnectError('aborted', 'closed before connecting', false));
    }
    const timeoutMs = this.options.connectTimeoutMs ?? REALTIME_CONNECT_TIMEOUT_MS;
    // Compression costs latency and CPU on every 20 ms frame and base64 audio barely compresses.
    const ws = new WebSocket(this.url, { headers: { Authorization: `Bearer ${this.options.apiKey}` }, perMessageDeflate: false });
    this.ws = ws;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (err: RealtimeConnectError): void => {
        if (settled) return;
        settled = true;
        this.connectError = err;
        clearTimeout(timer);
        reject(err);
        ws.terminate();
      };
      const timer = setTimeout(() => {
        fail(new RealtimeConnectError('timeout', `OpenAI Realtime did not accept the connection within ${timeoutMs} ms`, true));
      }, timeoutMs);
      ws.on('unexpected-response', (_req, res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => fail(RealtimeConnectError.fromHttp(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
        res.on('error', () => fail(RealtimeConnectError.fromHttp(res.statusCode ?? 0, '')));
      });
      ws.on('open', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve();
      });
      const aborted = (): RealtimeConnectError => new RealtimeConnectError('aborted', 'closed before connecting', false);
      ws.on('error', (err) => {
        this.lastError = err;
        fail(this.closeRequested !== undefined ? aborted() : new RealtimeConnectError('network', `cannot reach OpenAI Realtime: ${err.message}`, true));
      });
      ws.on('close', (code, reason) => {
        fail(this.closeRequested !== undefined ? aborted() : new RealtimeConnectError('network', `connection closed during the handshake (${code})`, true));
        this.finish(code, reason.toString('utf8'));
      });
      ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    });
  }

  send(event: RealtimeClientEvent): SendResult {
    const ws = this.ws;
    if (!ws || !this.isOpen) return 'closed';
    const buffered = ws.bufferedAmount;
    if (buffered > SEND_HARD_LIMIT_BYTES) {
      void this.close(`send backlog of ${buffered} bytes: the link is stalled`);
      return 'closed';
    }
    if (buffered > SEND_HIGH_WATER_BYTES) this.setBackpressure(true, buffered);
    else if (buffered < SEND_LOW_WATER_BYTES) this.setBackpressure(false, buffered);
    // Control events are small and must not be lost; stale caller audio is worthless.
    if (this.backpressure && event.type === 'input_audio_buffer.append') {
      this.counters.droppedAudioEvents++;
      return 'dropped';
    }
    const text = JSON.stringify(event);
    ws.send(text);
    this.counters.bytesOut += Buffer.byteLength(text);
    this.counters.eventsOut++;
    return 'sent';
  }

  /** Idempotent; resolves when the socket is closed (destroyed after REALTIME_CLOSE_TIMEOUT_MS at most). */
  close(reason = 'closed by the controller'): Promise<RealtimeCloseInfo> {
    if (this.closeRequested === undefined && this.closeInfo === undefined) {
      this.closeRequested = reason;
      const ws = this.ws;
      if (!ws) {
        this.finish(1000, reason);
      } else if (ws.readyState === WebSocket.CONNECTING) {
        ws.terminate();
      } else if (ws.readyState === WebSocket.OPEN) {
        ws.close(1000, truncateReason(reason));
        setTimeout(() => ws.terminate(), REALTIME_CLOSE_TIMEOUT_MS).unref();
      }
    }
    return this.closed;
  }

  private receive(data: RawData, isBinary: boolean): void {
    const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    this.counters.bytesIn += buf.length;
    this.counters.eventsIn++;
    const event: ParsedServerEvent = isBinary
      ? { type: 'invalid', eventType: undefined, raw: null, problem: `binary frame of ${buf.length} bytes` }
      : parseServerFrame(buf.toString('utf8'));
    this.queue.push(() => this.events.emit(event, this.reportError));
  }

  private finish(code: number, frameReason: string): void {
    if (this.closeInfo) return;
    let info: RealtimeCloseInfo;
    if (this.closeRequested !== undefined) info = { code, reason: this.closeRequested, by: 'client' };
    else if (this.connectError) info = { code, reason: `never opened: ${this.connectError.message}`, by: 'network' };
    else if (code === 1006) {
      const cause = this.lastError ? `: ${this.lastError.message}` : '';
      info = { code, reason: `connection lost without a close frame${cause}`, by: 'network' };
    } else info = { code, reason: frameReason || `closed by the server (${code})`, by: 'server' };
    this.closeInfo = info;
    this.setBackpressure(false, 0);
    // Queued behind the events already received, so handlers see the close last.
    this.queue.push(async () => {
      await this.closes.emit(info, this.reportError);
      this.resolveClosed(info);
    });
  }

  private setBackpressure(active: boolean, bufferedAmount: number): void {
    if (this.backpressure === active) return;
    this.backpressure = active;
    void this.backpressures.emit({ active, bufferedAmount }, this.reportError);
  }

  private readonly reportError = (err: unknown): void => {
    const error = err instanceof Error ? err : new Error(String(err));
    for (const handler of [...this.errors]) {
      try {
        handler(error);
      } catch {
        // an error handler that throws has nowhere left to report to
      }
    }
  };
}

function truncateReason(reason: string): string {
  const buf = Buffer.from(reason, 'utf8');
  // Cut with room to spare: a split UTF-8 character decodes to a 3-byte replacement.
  return buf.length <= MAX_CLOSE_REASON_BYTES ? reason : buf.subarray(0, MAX_CLOSE_REASON_BYTES - 8).toString('utf8') + '...';
}
