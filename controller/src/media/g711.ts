// G.711 (ITU-T G.711) μ-law and A-law: the only codecs between Asterisk and
// the model, so no resampling ever happens. The encoders and decoders follow
// the public-domain Sun reference implementation (g711.c), which matches the
// ITU tables; they are precomputed into lookup tables at load time so the hot
// path is one array read per sample.

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

// --- Sun reference scalar conversions -------------------------------------

const SEG_UEND = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff];
const SEG_AEND = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];
const ULAW_BIAS = 0x84;
const ULAW_CLIP = 8159;

function segment(value: number, ends: readonly number[]): number {
  for (let i = 0; i < ends.length; i++) if (value <= ends[i]!) return i;
  return ends.length;
}

function referenceLinearToMulaw(sample: number): number {
  let pcm = sample >> 2;
  let mask = 0xff;
  if (pcm < 0) {
    pcm = -pcm;
    mask = 0x7f;
  }
  if (pcm > ULAW_CLIP) pcm = ULAW_CLIP;
  pcm += ULAW_BIAS >> 2;
  const seg = segment(pcm, SEG_UEND);
  if (seg >= 8) return 0x7f ^ mask;
  return ((seg << 4) | ((pcm >> (seg + 1)) & 0x0f)) ^ mask;
}

function referenceMulawToLinear(code: number): number {
  const u = ~code & 0xff;
  let t = ((u & 0x0f) << 3) + ULAW_BIAS;
  t <<= (u & 0x70) >> 4;
  return u & 0x80 ? ULAW_BIAS - t : t - ULAW_BIAS;
}

function referenceLinearToAlaw(sample: number): number {
  let pcm = sample >> 3;
  let mask = 0xd5;
  if (pcm < 0) {
    mask = 0x55;
    pcm = -pcm - 1;
  }
  const seg = segment(pcm, SEG_AEND);
  if (seg >= 8) return 0x7f ^ mask;
  const mantissa = seg < 2 ? (pcm >> 1) & 0x0f : (pcm >> seg) & 0x0f;
  return ((seg << 4) | mantissa) ^ mask;
}

function referenceAlawToLinear(code: number): number {
  const a = code ^ 0x55;
  let t = (a & 0x0f) << 4;
  const seg = (a & 0x70) >> 4;
  if (seg === 0) t += 8;
  else t = (t + 0x108) << (seg - 1);
  return a & 0x80 ? t : -t;
}

// --- Lookup tables ---------------------------------------------------------

function buildDecode(fn: (code: number) => number): Int16Array {
  const table = new Int16Array(256);
  for (let c = 0; c < 256; c++) table[c] = fn(c);
  return table;
}

/** Indexed by the sample's 16-bit two's complement pattern (sample & 0xffff). */
function buildEncode(fn: (sample: number) => number): Uint8Array {
  const table = new Uint8Array(65536);
  for (let s = -32768; s < 32768; s++) table[s & 0xffff] = fn(s);
  return table;
}

const MULAW_DECODE = buildDecode(referenceMulawToLinear);
const ALAW_DECODE = buildDecode(referenceAlawToLinear);
const MULAW_ENCODE = buildEncode(referenceLinearToMulaw);
const ALAW_ENCODE = buildEncode(referenceLinearToAlaw);

function clamp16(sample: number): number {
  return sample > 32767 ? 32767 : sample < -32768 ? -32768 : sample | 0;
}

export function linearToMulaw(sample: number): number {
  return MULAW_ENCODE[clamp16(sample) & 0xffff]!;
}
export function mulawToLinear(code: number): number {
  return MULAW_DECODE[code & 0xff]!;
}
export function linearToAlaw(sample: number): number {
  return ALAW_ENCODE[clamp16(sample) & 0xffff]!;
}
export function alawToLinear(code: number): number {
  return ALAW_DECODE[code & 0xff]!;
}

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
