// A minimal EventSource for tests: fetch streaming, SSE frames parsed by hand,
// so tests see exactly what a browser would be handed.
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: number;
}

export interface SseConnection {
  status: number;
  headers: Headers;
  /** Frames with data, in arrival order. */
  events: SseFrame[];
  /** Every frame, comments excluded (retry-only frames included). */
  frames: SseFrame[];
  comments: string[];
  /** Resolves once at least `count` events arrived; rejects after `timeoutMs`. */
  waitForEvents(count: number, timeoutMs?: number): Promise<SseFrame[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const conn: SseConnection = {
    status: res.status, headers: res.headers, events: [], frames: [], comments: [],
    ended: Promise.resolve(),
    waitForEvents: (count, timeoutMs = 2000) => new Promise((resolve, reject) => {
      const started = Date.now();
      const check = () => {
        if (conn.events.length >= count) resolve(conn.events.slice());
        else if (Date.now() - started > timeoutMs) reject(new Error(`expected ${count} events, got ${conn.events.length} after ${timeoutMs} ms`));
        else setTimeout(check, 10);
      };
      check();
    }),
    close: () => abort.abort(),
  };
  if (!res.body || !res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.text().catch(() => {});
    return conn;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  conn.ended = (async () => {
    let pending = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        pending += value;
        let cut: number;
        while ((cut = pending.indexOf('\n\n')) >= 0) {
          parseBlock(pending.slice(0, cut), conn);
          pending = pending.slice(cut + 2);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return conn;
}

function parseBlock(block: string, conn: SseConnection): void {
  const frame: SseFrame = {};
  let fields = 0;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      conn.comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    fields++;
    if (name === 'id') frame.id = value;
    else if (name === 'event') frame.event = value;
    else if (name === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
    else if (name === 'retry') frame.retry = Number(value);
  }
  if (!fields) return;
  conn.frames.push(frame);
  if (frame.data !== undefined) conn.events.push(frame);
}
