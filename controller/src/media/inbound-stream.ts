// One call's audio from the caller: RTP from Asterisk in, G.711 bytes out for
// the model (`input_audio_buffer.append`, base64). Packets older than the last
// one accepted are dropped (no reordering buffer: a late 20 ms frame is worth
// less than the latency a jitter buffer would add).
//
// Asterisk sends nothing at all while the caller sends nothing (silence
// suppression, or a SIPp scenario without audio), and then the server VAD
// never sees the end of speech. `silenceDue(now)`, called from the pacer
// tick, says how many silence frames to append so the model's input keeps
// following wall time through such gaps.
import { BYTES_PER_MS, FRAME_BYTES, FRAME_MS, payloadTypeFor, silenceByte, type G711Codec } from './g711.ts';
import { isNewerSequence, type RtpPacket } from './rtp.ts';

/**
 * Silence is fed only after this long without caller audio. Asterisk's bridge
 * sends every 20 ms with a few ms of jitter; feeding after one missed frame
 * would splice silence into speech whenever a packet is slightly late. 60 ms
 * is far below any VAD silence window (hundreds of ms), so end of speech is
 * still detected on time.
 */
export const SILENCE_GAP_MS = 60;
/** At most this many silence frames per call: after a stall, feed a little, never a burst. */
export const MAX_SILENCE_FRAMES_PER_CALL = 5;
/**
 * Frames gathered per append. 1 adds no latency (the model hears each frame
 * as it arrives) at the cost of 50 WebSocket messages/s per call; N frames add
 * up to (N - 1) * 20 ms of delay before the VAD hears speech, for 1/N of the
 * messages.
 */
export const INBOUND_BATCH_FRAMES = 1;
/**
 * After this many packets in a row that look older than the last one, the
 * sender has restarted its numbering (same SSRC): start again from it rather
 * than drop its audio for ever. 25 packets = half a second.
 */
export const MAX_CONSECUTIVE_OLD_PACKETS = 25;

export interface InboundStreamOptions {
  codec: G711Codec;
  /** performance.now() at call start: silence is owed from here if no audio ever arrives. */
  startMs: number;
  batchFrames?: number;
}

export interface InboundStats {
  packetsAccepted: number;
  /** Duplicates and packets older than the last accepted one. */
  packetsLate: number;
  /** Packets of another payload type (comfort noise, DTMF events): not audio for the model. */
  packetsOtherPayload: number;
  silenceFrames: number;
}

export class InboundStream {
  readonly codec: G711Codec;
  private readonly payloadType: number;
  private readonly batchBytes: number;
  private readonly batch: Buffer;
  private batchFill = 0;
  private readonly silence: Buffer;
  private lastSsrc: number | undefined;
  private lastSequence = 0;
  private consecutiveOld = 0;
  private lastAudioMs: number;
  /** Media time covered by audio or silence so far. */
  private coveredUntilMs: number;
  private counters = { packetsAccepted: 0, packetsLate: 0, packetsOtherPayload: 0, silenceFrames: 0 };

  constructor(opts: InboundStreamOptions) {
    this.codec = opts.codec;
    this.payloadType = payloadTypeFor(opts.codec);
    this.batchBytes = Math.max(1, opts.batchFrames ?? INBOUND_BATCH_FRAMES) * FRAME_BYTES;
    this.batch = Buffer.alloc(this.batchBytes);
    this.silence = Buffer.alloc(MAX_SILENCE_FRAMES_PER_CALL * FRAME_BYTES, silenceByte(opts.codec));
    this.lastAudioMs = opts.startMs;
    this.coveredUntilMs = opts.startMs;
  }

  /**
   * Takes a packet received at `nowMs`. Returns the audio to append now (a
   * full batch), or null when the packet was dropped or the batch is not full.
   * With one-frame batches the result is the packet's own payload view.
   */
  accept(packet: RtpPacket, nowMs: number): Buffer | null {
    if (packet.payloadType !== this.payloadType) {
      this.counters.packetsOtherPayload++;
      return null;
    }
    if (this.lastSsrc === packet.ssrc && !isNewerSequence(packet.sequence, this.lastSequence)) {
      if (++this.consecutiveOld < MAX_CONSECUTIVE_OLD_PACKETS) {
        this.counters.packetsLate++;
        return null;
      }
    }
    this.lastSsrc = packet.ssrc;
    this.lastSequence = packet.sequence;
    this.consecutiveOld = 0;
    this.counters.packetsAccepted++;
    this.lastAudioMs = nowMs;
    this.coveredUntilMs = Math.max(this.coveredUntilMs, nowMs) + packet.payload.length / BYTES_PER_MS;

    if (this.batchFill === 0 && packet.payload.length === this.batchBytes) return packet.payload;
    return this.fillBatch(packet.payload);
  }

  /** Silence frames to append now (0 while the caller's audio flows). Call once per pacer tick. */
  silenceDue(nowMs: number): number {
    if (nowMs - this.lastAudioMs <= SILENCE_GAP_MS) return 0;
    const owed = Math.floor((nowMs - this.coveredUntilMs) / FRAME_MS);
    if (owed <= 0) return 0;
    // Time beyond the cap is forgiven, not owed later: no burst after a stall.
    this.coveredUntilMs += owed * FRAME_MS;
    const frames = Math.min(owed, MAX_SILENCE_FRAMES_PER_CALL);
    this.counters.silenceFrames += frames;
    return frames;
  }

  /** `frames` frames of silence (a shared view: read, never write). */
  silenceAudio(frames: number): Buffer {
    return this.silence.subarray(0, Math.min(frames, MAX_SILENCE_FRAMES_PER_CALL) * FRAME_BYTES);
  }

  /**
   * What to append on this pacer tick when the caller is silent: a partial
   * batch first (it is older), then the silence due; null when nothing is.
   */
  takeSilence(nowMs: number): Buffer | null {
    const frames = this.silenceDue(nowMs);
    if (frames === 0) return null;
    const pending = this.flush();
    return pending ? Buffer.concat([pending, this.silenceAudio(frames)]) : this.silenceAudio(frames);
  }

  /** Whatever sits in a partial batch (call when the call ends or before a commit). */
  flush(): Buffer | null {
    if (this.batchFill === 0) return null;
    const out = Buffer.from(this.batch.subarray(0, this.batchFill));
    this.batchFill = 0;
    return out;
  }

  /** Cheap read of stats().packetsLate for per-packet callers. */
  get packetsLate(): number {
    return this.counters.packetsLate;
  }

  stats(): InboundStats {
    return { ...this.counters };
  }

  private fillBatch(payload: Buffer): Buffer | null {
    let offset = 0;
    let ready: Buffer | null = null;
    while (offset < payload.length) {
      const n = Math.min(this.batchBytes - this.batchFill, payload.length - offset);
      payload.copy(this.batch, this.batchFill, offset, offset + n);
      this.batchFill += n;
      offset += n;
      if (this.batchFill === this.batchBytes) {
        // A copy: the batch buffer is refilled by the next packet.
        ready = ready ? Buffer.concat([ready, this.batch]) : Buffer.from(this.batch);
        this.batchFill = 0;
      }
    }
    return ready;
  }
}

/** The `audio` field of `input_audio_buffer.append`. */
export function toBase64(audio: Buffer): string {
  return audio.toString('base64');
}
