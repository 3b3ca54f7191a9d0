// G.711 μ-law and A-law (ITU-T G.711, the classic reference algorithms) for
// the fake server: it decodes what the controller appends and encodes the
// audio it "speaks". 8 kHz, one byte per sample, so 8 bytes per millisecond.

export const G711_BYTES_PER_MS = 8;

import { alawToLinear, linearToAlaw, linearToUlaw, ulawToLinear } from '../g711-reference.ts';

export { alawToLinear, linearToAlaw, linearToUlaw, ulawToLinear };

export type G711Law = 'pcmu' | 'pcma';

export function decodeG711(bytes: Uint8Array, law: G711Law): Int16Array {
  const out = new Int16Array(bytes.length);
  const decode = law === 'pcmu' ? ulawToLinear : alawToLinear;
  for (let i = 0; i < bytes.length; i++) out[i] = decode(bytes[i] ?? 0);
  return out;
}

export function encodeG711(samples: Int16Array, law: G711Law): Buffer {
  const out = Buffer.alloc(samples.length);
  const encode = law === 'pcmu' ? linearToUlaw : linearToAlaw;
  for (let i = 0; i < samples.length; i++) out[i] = encode(samples[i] ?? 0);
  return out;
}

/** A quiet tone, so a recording of the fake's speech is audible but not loud. */
export function tone(sampleRate: number, durationMs: number, frequencyHz = 440, amplitude = 8000): Int16Array {
  const n = Math.round((sampleRate * durationMs) / 1000);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.round(amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRate));
  return out;
}
