// One call's audio towards the caller: G.711 bytes from the model's
// `response.output_audio.delta` chunks (any size) queued, cut into 160-byte
// frames, and sent as RTP, one frame per pacer tick.
//
// RTP timing follows RFC 3550 §5.1 and the usual VoIP practice: the sequence
// number advances only for packets sent, while the timestamp advances by 160
// on every 20 ms tick, sent or not, so it tracks wall time and the far end's
// jitter buffer sees a silent gap as elapsed time. The first packet after a
// tick without one (a new talk spurt) carries the marker bit.
//
// `playedMs(itemId)` counts what left on the wire per Realtime output item, so
// barge-in can truncate at `audio_end_ms` = what the caller heard (the few ms
// still in flight or in Asterisk's buffer are not subtracted).
import { BYTES_PER_MS, FRAME_BYTES, payloadTypeFor, silenceByte, type G711Codec } from './g711.ts';
import type { PacedStream } from './pacer.ts';
import { advanceTimestamp, nextSequence, packRtp, randomRtpStart, RTP_MAX_OUT_BYTES } from './rtp.ts';

/** Queue cap: a response longer than a minute ahead of playback means something upstream is wrong. */
export const MAX_QUEUED_AUDIO_MS = 60_000;
/** Played-time accounting kept for this many recent items: barge-in only ever truncates the latest. */
export const MAX_TRACKED_ITEMS = 32;
/**
 * Packet buffers reused in turn. dgram may hold a buffer until the kernel
 * takes it (when its send queue is full), so a buffer is reused only after
 * this many later sends: more than a whole catch-up burst.
 */
const PACKET_BUFFERS = 8;

export interface OutboundStreamOptions {
  codec: G711Codec;
  /** Receives a ready RTP packet; the buffer is reused PACKET_BUFFERS sends later. */
  send: (packet: Buffer) => void;
  /** RTP start values; random by default, as RFC 3550 asks. */
  ssrc?: number;
  sequence?: number;
  timestamp?: number;
  maxQueuedMs?: number;
}

export interface OutboundStats {
  framesSent: number;
  /** Ticks with nothing to send. */
  idleTicks: number;
  /** Ticks skipped by the pacer after an event-loop stall. */
  skippedTicks: number;
  queuedMs: number;
  /** Bytes refused because the queue was full. */
  overflowBytes: number;
  /** Bytes dropped by clear() (barge-in). */
  clearedBytes: number;
}

interface Chunk {
  itemId: string;
  bytes: Buffer;
  offset: number;
}

export class OutboundStream implements PacedStream {
  readonly codec: G711Codec;
  readonly ssrc: number;
  private readonly payloadType: number;
  private readonly send: (packet: Buffer) => void;
  private readonly maxQueuedBytes: number;
  private sequence: number;
  private timestamp: number;
  private talkSpurtStart = true;
  private tailComplete = false;

  private chunks: Array<Chunk | undefined> = [];
  private head = 0;
  private queuedBytes = 0;
  private readonly frame: Buffer;
  private readonly packets: Buffer[] = [];
  private packetSlot = 0;
  private readonly sentBytesByItem = new Map<string, number>();
  private counters = { framesSent: 0, idleTicks: 0, skippedTicks: 0, overflowBytes: 0, clearedBytes: 0 };

  constructor(opts: OutboundStreamOptions) {
    const start = randomRtpStart();
    this.codec = opts.codec;
    this.payloadType = payloadTypeFor(opts.codec);
    this.send = opts.send;
    this.ssrc = (opts.ssrc ?? start.ssrc) >>> 0;
    this.sequence = (opts.sequence ?? start.sequence) & 0xffff;
    this.timestamp = (opts.timestamp ?? start.timestamp) >>> 0;
    this.maxQueuedBytes = (opts.maxQueuedMs ?? MAX_QUEUED_AUDIO_MS) * BYTES_PER_MS;
    this.frame = Buffer.alloc(FRAME_BYTES);
    for (let i = 0; i < PACKET_BUFFERS; i++) this.packets.push(Buffer.alloc(RTP_MAX_OUT_BYTES));
  }

  /** Queues G.711 audio of a Realtime output item. The buffer is kept, not copied: do not reuse it. */
  append(itemId: string, audio: Buffer): void {
    this.tailComplete = false;
    let bytes = audio;
    const room = this.maxQueuedBytes - this.queuedBytes;
    if (bytes.length > room) {
      this.counters.overflowBytes += bytes.length - Math.max(0, room);
      bytes = bytes.subarray(0, Math.max(0, room));
    }
    if (bytes.length === 0) return;
    this.chunks.push({ itemId, bytes, offset: 0 });
    this.queuedBytes += bytes.length;
  }

  /** Queues the base64 `delta` of a `response.output_audio.delta` event. */
  appendBase64(itemId: string, delta: string): void {
    this.append(itemId, Buffer.from(delta, 'base64'));
  }

  /**
   * The response's audio is complete (`response.output_audio.done`): a tail
   * shorter than a frame is sent padded with silence instead of waiting for
   * bytes that will not come.
   */
  markDone(): void {
    this.tailComplete = true;
  }

  /** Barge-in: drops everything queued at once; returns the ms dropped. */
  clear(): number {
    const dropped = this.queuedBytes;
    this.chunks = [];
    this.head = 0;
    this.queuedBytes = 0;
    this.tailComplete = false;
    this.talkSpurtStart = true;
    this.counters.clearedBytes += dropped;
    return Math.floor(dropped / BYTES_PER_MS);
  }

  /** Whole ms of this item's audio that went out on the wire (0 for an unknown item). */
  playedMs(itemId: string): number {
    return Math.floor((this.sentBytesByItem.get(itemId) ?? 0) / BYTES_PER_MS);
  }

  get queuedMs(): number {
    return this.queuedBytes / BYTES_PER_MS;
  }

  get rtpState(): { ssrc: number; sequence: number; timestamp: number } {
    return { ssrc: this.ssrc, sequence: this.sequence, timestamp: this.timestamp };
  }

  stats(): OutboundStats {
    return { ...this.counters, queuedMs: this.queuedMs };
  }

  /**
   * Takes the next 160-byte frame off the queue (counted as played), or null.
   * The frame is a view valid until the next call.
   */
  nextFrame(): Buffer | null {
    if (this.queuedBytes < FRAME_BYTES && !(this.tailComplete && this.queuedBytes > 0)) return null;
    const first = this.chunks[this.head]!;
    if (first.bytes.length - first.offset >= FRAME_BYTES) {
      const view = first.bytes.subarray(first.offset, first.offset + FRAME_BYTES);
      this.consume(first, FRAME_BYTES);
      return view;
    }
    let filled = 0;
    while (filled < FRAME_BYTES && this.head < this.chunks.length) {
      const chunk = this.chunks[this.head]!;
      const n = Math.min(FRAME_BYTES - filled, chunk.bytes.length - chunk.offset);
      chunk.bytes.copy(this.frame, filled, chunk.offset, chunk.offset + n);
      filled += n;
      this.consume(chunk, n);
    }
    if (filled < FRAME_BYTES) this.frame.fill(silenceByte(this.codec), filled);
    return this.frame;
  }

  /** One 20 ms interval of the pacer: send a frame if there is one. */
  tick(): void {
    const frame = this.nextFrame();
    if (frame) {
      const slot = this.packets[this.packetSlot]!;
      this.packetSlot = (this.packetSlot + 1) % PACKET_BUFFERS;
      const packet = packRtp(
        { payloadType: this.payloadType, sequence: this.sequence, timestamp: this.timestamp, ssrc: this.ssrc, marker: this.talkSpurtStart },
        frame,
        slot,
      );
      this.sequence = nextSequence(this.sequence);
      this.talkSpurtStart = false;
      this.counters.framesSent++;
      this.send(packet);
    } else {
      this.talkSpurtStart = true;
      this.counters.idleTicks++;
    }
    this.timestamp = advanceTimestamp(this.timestamp, FRAME_BYTES);
  }

  /** The pacer skipped intervals after a stall: time passed with nothing sent. */
  skip(intervals: number): void {
    this.timestamp = advanceTimestamp(this.timestamp, FRAME_BYTES * intervals);
    this.talkSpurtStart = true;
    this.counters.skippedTicks += intervals;
  }

  private consume(chunk: Chunk, n: number): void {
    chunk.offset += n;
    this.queuedBytes -= n;
    this.credit(chunk.itemId, n);
    if (chunk.offset < chunk.bytes.length) return;
    this.chunks[this.head++] = undefined;
    if (this.head === this.chunks.length) {
      this.chunks = [];
      this.head = 0;
    } else if (this.head > 64 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }

  private credit(itemId: string, n: number): void {
    const sent = this.sentBytesByItem.get(itemId);
    if (sent !== undefined) {
      this.sentBytesByItem.set(itemId, sent + n);
      return;
    }
    this.sentBytesByItem.set(itemId, n);
    if (this.sentBytesByItem.size > MAX_TRACKED_ITEMS) {
      const oldest = this.sentBytesByItem.keys().next().value;
      if (oldest !== undefined) this.sentBytesByItem.delete(oldest);
    }
  }
}
