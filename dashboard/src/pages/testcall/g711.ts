// G.711 frames for the test call, in the browser: the microphone is encoded
// with the controller's own tables, exactly as a phone line would carry it.
import { ALAW_DECODE, ALAW_ENCODE, MULAW_DECODE, MULAW_ENCODE } from '../../../../controller/src/media/g711-tables.ts';

export type G711Codec = 'pcmu' | 'pcma';

export function encodeFrame(samples: Int16Array, codec: G711Codec): Uint8Array {
  const table = codec === 'pcma' ? ALAW_ENCODE : MULAW_ENCODE;
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = table[samples[i]! & 0xffff]!;
  return out;
}

/** To Web Audio's float samples (−1…1). */
export function decodeFrame(bytes: Uint8Array, codec: G711Codec): Float32Array<ArrayBuffer> {
  const table = codec === 'pcma' ? ALAW_DECODE : MULAW_DECODE;
  const out = new Float32Array(new ArrayBuffer(bytes.length * 4));
  for (let i = 0; i < bytes.length; i++) out[i] = table[bytes[i]!]! / 32768;
  return out;
}
