// G.711 (ITU-T G.711) μ-law and A-law: the only codecs between Asterisk and
// the model, so no resampling ever happens. The sample conversions live in
// g711-tables.ts (shared with the browser); this adds frames, RTP payload
// types and Buffers.
import { ALAW_DECODE, ALAW_ENCODE, MULAW_DECODE, MULAW_ENCODE } from './g711-tables.ts';

export type G711Codec = 'pcmu' | 'pcma';

export const SAMPLE_RATE_HZ = 8000;
export const FRAME_MS = 20;
/** One byte per sample at 8 kHz: 160 bytes (and 160 RTP timestamp units) per 20 ms frame. */
export const FRAME_BYTES = (SAMPLE_RATE_HZ / 1000) * FRAME_MS;
export const BYTES_PER_MS = SAMPLE_RATE_HZ / 1000;

/** The codes for digital silence (linear 0). */
export const MULAW_SILENCE = 0xff;
export const ALAW_SILENCE = 0xd5;

const PAYLOAD_TYPE = { pcmu: 0, pcma: 8 } as const;
const AUDIO_FORMAT = { pcmu: 'audio/pcmu', pcma: 'audio/pcma' } as const;

export type G711PayloadType = (typeof PAYLOAD_TYPE)[G711Codec];
export type G711AudioFormat = (typeof AUDIO_FORMAT)[G711Codec];

export function payloadTypeFor(codec: G711Codec): G711PayloadType {
  return PAYLOAD_TYPE[codec];
}

export function codecForPayloadType(payloadType: number): G711Codec | null {
  if (payloadType === PAYLOAD_TYPE.pcmu) return 'pcmu';
  if (payloadType === PAYLOAD_TYPE.pcma) return 'pcma';
  return null;
}

/** The Realtime GA `session.audio.*.format.type` for this codec. */
export function audioFormatFor(codec: G711Codec): G711AudioFormat {
  return AUDIO_FORMAT[codec];
}

export function silenceByte(codec: G711Codec): number {
  return codec === 'pcmu' ? MULAW_SILENCE : ALAW_SILENCE;
}

const SILENCE_FRAMES: Record<G711Codec, Buffer> = {
  pcmu: Buffer.alloc(FRAME_BYTES, MULAW_SILENCE),
  pcma: Buffer.alloc(FRAME_BYTES, ALAW_SILENCE),
};

/** A shared, preallocated 160-byte silence frame. Read it, never write into it. */
export function silenceFrame(codec: G711Codec): Buffer {
  return SILENCE_FRAMES[codec];
}

export { alawToLinear, linearToAlaw, linearToMulaw, mulawToLinear } from './g711-tables.ts';

/** Linear 16-bit PCM (8 kHz) to G.711 bytes. Writes into `out` when given. */
export function encodeG711(codec: G711Codec, pcm: Int16Array, out?: Buffer): Buffer {
  const table = codec === 'pcmu' ? MULAW_ENCODE : ALAW_ENCODE;
  const dst = out ?? Buffer.allocUnsafe(pcm.length);
  if (dst.length < pcm.length) throw new RangeError(`output buffer too small: ${dst.length} < ${pcm.length}`);
  for (let i = 0; i < pcm.length; i++) dst[i] = table[pcm[i]! & 0xffff]!;
  return dst.length === pcm.length ? dst : dst.subarray(0, pcm.length);
}

/** G.711 bytes to linear 16-bit PCM (8 kHz). */
export function decodeG711(codec: G711Codec, bytes: Uint8Array): Int16Array {
  const table = codec === 'pcmu' ? MULAW_DECODE : ALAW_DECODE;
  const pcm = new Int16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) pcm[i] = table[bytes[i]!]!;
  return pcm;
}

/** A sine tone in G.711, for tests, hold tones and test calls. */
export function toneG711(codec: G711Codec, opts: { hz: number; ms: number; amplitude?: number }): Buffer {
  const samples = Math.round(opts.ms * BYTES_PER_MS);
  const amplitude = opts.amplitude ?? 8000;
  const pcm = new Int16Array(samples);
  for (let i = 0; i < samples; i++) pcm[i] = Math.round(amplitude * Math.sin((2 * Math.PI * opts.hz * i) / SAMPLE_RATE_HZ));
  return encodeG711(codec, pcm);
}
