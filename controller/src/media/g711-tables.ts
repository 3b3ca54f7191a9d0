// G.711 μ-law and A-law sample conversions, with no Node API: the controller
// and the dashboard's browser test call encode with the very same tables. The
// encoders and decoders follow the public-domain Sun reference implementation
// (g711.c), which matches the ITU tables; they are precomputed into lookup
// tables at load time so the hot path is one array read per sample.

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

export const MULAW_DECODE = buildDecode(referenceMulawToLinear);
export const ALAW_DECODE = buildDecode(referenceAlawToLinear);
export const MULAW_ENCODE = buildEncode(referenceLinearToMulaw);
export const ALAW_ENCODE = buildEncode(referenceLinearToAlaw);

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
