// RTP (RFC 3550) packets as Asterisk's externalMedia channel speaks them:
// version 2, one G.711 payload per packet. Parsing accepts anything a
// conforming sender may add (CSRCs, a header extension, padding) and skips it;
// packing writes the plain 12-byte header and never adds those.
import { randomBytes } from 'node:crypto';

export const RTP_VERSION = 2;
export const RTP_HEADER_BYTES = 12;
/** Largest packet this controller sends: a header and one 20 ms G.711 frame. */
export const RTP_MAX_OUT_BYTES = RTP_HEADER_BYTES + 160;

export interface RtpHeader {
  payloadType: number;
  /** 16 bits, wraps at 65536. */
  sequence: number;
  /** 32 bits, wraps at 2^32; in 8 kHz sample units for G.711. */
  timestamp: number;
  ssrc: number;
  marker: boolean;
}

export interface RtpPacket extends RtpHeader {
  /** A view into the received buffer, not a copy. */
  payload: Buffer;
}

/** Returns null for anything that is not a well-formed RTP v2 packet. */
export function parseRtp(buf: Buffer): RtpPacket | null {
  if (buf.length < RTP_HEADER_BYTES) return null;
  const b0 = buf[0]!;
  const b1 = buf[1]!;
  if (b0 >> 6 !== RTP_VERSION) return null;
  const hasPadding = (b0 & 0x20) !== 0;
  const hasExtension = (b0 & 0x10) !== 0;
  const csrcCount = b0 & 0x0f;

  let offset = RTP_HEADER_BYTES + 4 * csrcCount;
  if (hasExtension) {
    if (buf.length < offset + 4) return null;
    offset += 4 + 4 * buf.readUInt16BE(offset + 2);
  }
  let end = buf.length;
  if (hasPadding) {
    const padding = buf[end - 1]!;
    // RFC 3550 §5.1: the last octet counts itself, so zero is malformed.
    if (padding === 0) return null;
    end -= padding;
  }
  if (offset > end) return null;

  return {
    payloadType: b1 & 0x7f,
    marker: (b1 & 0x80) !== 0,
    sequence: buf.readUInt16BE(2),
    timestamp: buf.readUInt32BE(4),
    ssrc: buf.readUInt32BE(8),
    payload: buf.subarray(offset, end),
  };
}

/**
 * Writes header + payload into `out` (when given, so the hot path allocates
 * nothing) and returns the exact packet: a view of `out`, or a new buffer.
 */
export function packRtp(header: RtpHeader, payload: Uint8Array, out?: Buffer): Buffer {
  const size = RTP_HEADER_BYTES + payload.length;
  const buf = out ?? Buffer.allocUnsafe(size);
  if (buf.length < size) throw new RangeError(`RTP output buffer too small: ${buf.length} < ${size}`);
  buf[0] = RTP_VERSION << 6;
  buf[1] = (header.marker ? 0x80 : 0) | (header.payloadType & 0x7f);
  buf.writeUInt16BE(header.sequence & 0xffff, 2);
  buf.writeUInt32BE(header.timestamp >>> 0, 4);
  buf.writeUInt32BE(header.ssrc >>> 0, 8);
  buf.set(payload, RTP_HEADER_BYTES);
  return buf.length === size ? buf : buf.subarray(0, size);
}

export function nextSequence(sequence: number): number {
  return (sequence + 1) & 0xffff;
}

export function advanceTimestamp(timestamp: number, units: number): number {
  return (timestamp + units) >>> 0;
}

/** Wrap-aware (RFC 1982 serial arithmetic): is sequence `a` after `b`? */
export function isNewerSequence(a: number, b: number): boolean {
  const delta = (a - b) & 0xffff;
  return delta !== 0 && delta < 0x8000;
}

/** RFC 3550 §5.1: SSRC, sequence and timestamp start at random values. */
export function randomRtpStart(): { ssrc: number; sequence: number; timestamp: number } {
  const bytes = randomBytes(10);
  return { ssrc: bytes.readUInt32BE(0), sequence: bytes.readUInt16BE(4), timestamp: bytes.readUInt32BE(6) };
}
