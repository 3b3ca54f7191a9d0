// Plain-protocol clients for tests of the fake itself: REST with Basic auth,
// the events WebSocket, and a UDP socket standing in for the controller's RTP.
import { createSocket, type Socket } from 'node:dgram';
import { WebSocket } from 'ws';
import { parseRtp, type RtpPacket } from './rtp-packet.ts';
import type { FakeAri } from './server.ts';

/** How long a test waits for something the fake does within a few ms. */
export const EVENT_WAIT_MS = 2000;

export interface RestAnswer {
  status: number;
  body: unknown;
}

export async function rest(
  fake: FakeAri, method: string, path: string, query: Record<string, string> = {}, body?: unknown,
): Promise<RestAnswer> {
  const url = new URL(`${fake.url}/ari${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await fetch(url, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${fake.username}:${fake.password}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

export interface EventSocket {
  received: Record<string, unknown>[];
  close(): void;
  next(type: string, match?: (e: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

export async function openEvents(fake: FakeAri, app: string, subscribeAll = false): Promise<EventSocket> {
  const key = encodeURIComponent(`${fake.username}:${fake.password}`);
  const ws = new WebSocket(`${fake.url.replace('http', 'ws')}/ari/events?app=${app}&api_key=${key}${subscribeAll ? '&subscribeAll=true' : ''}`);
  const received: Record<string, unknown>[] = [];
  ws.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    received,
    close: () => ws.close(),
    async next(type, match = () => true) {
      const deadline = Date.now() + EVENT_WAIT_MS;
      for (;;) {
        const found = received.find((e) => e.type === type && match(e));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${type} event within ${EVENT_WAIT_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
}

export interface UdpSink {
  socket: Socket;
  port: number;
  packets: (RtpPacket & { at: number })[];
  close(): void;
}

export async function udpSink(): Promise<UdpSink> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const packets: UdpSink['packets'] = [];
  socket.on('message', (datagram) => {
    const packet = parseRtp(datagram);
    if (packet) packets.push({ ...packet, at: performance.now() });
  });
  return { socket, port: socket.address().port, packets, close: () => socket.close() };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when the predicate holds, polling; rejects after `timeoutMs`. */
export async function until(what: string, predicate: () => boolean, timeoutMs = EVENT_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}
