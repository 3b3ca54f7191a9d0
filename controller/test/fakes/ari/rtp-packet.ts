// RTP (RFC 3550) and G.711 as the fake needs them, kept independent of the
// production media code so that each checks the other.

import { alawToLinear, linearToAlaw, linearToUlaw, ulawToLinear } from '../g711-reference.ts';

export { alawToLinear, linearToAlaw, linearToUlaw, ulawToLinear };

export const RTP_HEADER_BYTES = 12;
export const SAMPLES_PER_FRAME = 160; // 20 ms at 8 kHz
export const FRAME_MS = 20;

export type G711Format = 'ulaw' | 'alaw';
export const PAYLOAD_TYPE: Record<G711Format, number> = { ulaw: 0, alaw: 8 };

export interface RtpPacket {
  version: number;
  marker: boolean;
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc: number;
  payload: Buffer;
}

export function packRtp(p: Omit<RtpPacket, 'version'>): Buffer {
  const header = Buffer.alloc(RTP_HEADER_BYTES);
  header[0] = 0x80; // version 2, no padding, no extension, no CSRC
  header[1] = (p.marker ? 0x80 : 0) | (p.payloadType & 0x7f);
  header.writeUInt16BE(p.sequence & 0xffff, 2);
  header.writeUInt32BE(p.timestamp >>> 0, 4);
  header.writeUInt32BE(p.ssrc >>> 0, 8);
  return Buffer.concat([header, p.payload]);
}

export function parseRtp(datagram: Buffer): RtpPacket | undefined {
  if (datagram.length < RTP_HEADER_BYTES) return undefined;
  const b0 = datagram[0] ?? 0;
  const b1 = datagram[1] ?? 0;
  const version = b0 >> 6;
  if (version !== 2) return undefined;
  const csrcCount = b0 & 0x0f;
  let offset = RTP_HEADER_BYTES + 4 * csrcCount;
  if (b0 & 0x10) {
    if (datagram.length < offset + 4) return undefined;
    offset += 4 + 4 * datagram.readUInt16BE(offset + 2);
  }
  let end = datagram.length;
  if (b0 & 0x20) end -= datagram[datagram.length - 1] ?? 0;
  if (end < offset) return undefined;
  return {
    version,
    marker: (b1 & 0x80) !== 0,
    payloadType: b1 & 0x7f,
    sequence: datagram.readUInt16BE(2),
    timestamp: datagram.readUInt32BE(4),
    ssrc: datagram.readUInt32BE(8),
    payload: Buffer.from(datagram.subarray(offset, end)),
  };
}

export function encodeG711(samples: Int16Array, format: G711Format): Buffer {
  const encode = format === 'ulaw' ? linearToUlaw : linearToAlaw;
  return Buffer.from(Array.from(samples, encode));
}

export function decodeG711(bytes: Buffer, format: G711Format): Int16Array {
  const decode = format === 'ulaw' ? ulawToLinear : alawToLinear;
  return Int16Array.from(bytes, decode);
}

/** A 440 Hz tone (or silence) of `ms`, cut into 20 ms frames of linear samples. */
export function toneFrames(ms: number, tone: boolean, amplitude = 8000): Int16Array[] {
  const frames: Int16Array[] = [];
  const count = Math.ceil(ms / FRAME_MS);
  for (let f = 0; f < count; f++) {
    const frame = new Int16Array(SAMPLES_PER_FRAME);
    if (tone) {
      for (let i = 0; i < SAMPLES_PER_FRAME; i++) {
        frame[i] = Math.round(amplitude * Math.sin((2 * Math.PI * 440 * (f * SAMPLES_PER_FRAME + i)) / 8000));
      }
    }
    frames.push(frame);
  }
  return frames;
}

/** Cut linear samples into 20 ms frames, padding the last one with silence. */
export function framesOf(samples: Int16Array): Int16Array[] {
  const frames: Int16Array[] = [];
  for (let start = 0; start < samples.length; start += SAMPLES_PER_FRAME) {
    const frame = new Int16Array(SAMPLES_PER_FRAME);
    frame.set(samples.subarray(start, start + SAMPLES_PER_FRAME));
    frames.push(frame);
  }
  return frames;
}
