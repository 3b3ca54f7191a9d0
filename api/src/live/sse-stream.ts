// One dashboard's Server-Sent Events stream: headers, framing, heartbeat, and
// the hub subscription that feeds it, torn down when the connection closes.
import type { Request, Response } from 'express';
import type { Logger } from '../logger.ts';
import type { LiveEventData, LiveEventType } from '../contract/live.ts';
import type { LiveEvent, LiveHub } from './hub.ts';

// Proxies and load balancers drop connections idle for about 30–60 s.
export const SSE_HEARTBEAT_MS = 15_000;
// How long the browser's EventSource waits before reconnecting.
export const SSE_RETRY_MS = 3000;
// A client that reads slower than events come is cut off rather than buffered
// without bound; it reconnects with its Last-Event-ID and replays.
const MAX_BUFFERED_BYTES = 1 << 20;

export function formatSseEvent(ev: LiveEvent): string {
  const data: LiveEventData = {
    id: ev.id.toString(), type: ev.type as LiveEventType, createdAt: ev.createdAt.toISOString(), payload: ev.payload,
  };
  // JSON.stringify escapes newlines, so the data stays on one line.
  return `id: ${data.id}\nevent: ${ev.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Header wins over query: on reconnects the browser sends the newer id there, with the same URL. */
export function resumeId(header: string | undefined, query: string | undefined): bigint | null {
  const text = header !== undefined && /^\d{1,19}$/.test(header.trim()) ? header.trim() : query;
  return text === undefined ? null : BigInt(text);
}

/**
 * Starts the stream and resolves once it is set up (replay sent): the response
 * then lives on its own until the client leaves or the hub stops. Never throws
 * once the headers are out; failures end the stream and the browser retries.
 */
export async function serveLiveEvents(opts: {
  hub: LiveHub; log: Logger; req: Request; res: Response; restaurantId: string; afterId: bigint | null;
}): Promise<void> {
  const { hub, log, req, res, restaurantId } = opts;
  const socket = req.socket;
  res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
  res.flushHeaders();
  res.on('error', (err) => log.debug({ err: err.message, restaurantId }, 'live stream write failed'));

  let open = true;
  let unsubscribe: (() => void) | undefined;
  const heartbeat = setInterval(() => write(': ping\n\n'), SSE_HEARTBEAT_MS).unref();
  const finish = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    unsubscribe?.();
  };
  // The response's 'close' means the connection is gone or the response ended,
  // whichever side caused it.
  res.on('close', finish);
  const end = () => {
    finish();
    if (res.writableEnded) return;
    // Closing the socket too: a keep-alive connection left open would hold the server's shutdown.
    res.end(() => socket.end());
  };
  function write(chunk: string): void {
    if (!open || res.writableEnded || res.destroyed) return;
    res.write(chunk);
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      log.warn({ restaurantId }, 'live client too slow; closing its stream');
      end();
    }
  }

  write(`retry: ${SSE_RETRY_MS}\n\n`);
  try {
    unsubscribe = await hub.subscribe({ restaurantId, send: (ev) => write(formatSseEvent(ev)), close: end }, opts.afterId);
  } catch (err) {
    log.warn({ err, restaurantId }, 'live subscription failed; the browser will retry');
    end();
    return;
  }
  if (!open) unsubscribe();
}
