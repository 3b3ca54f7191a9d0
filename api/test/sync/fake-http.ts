// The plumbing both fake platforms share: a tiny router over node:http, and
// fault injection the way real platforms misbehave (5xx, answers that arrive
// after the client gave up, 429 with Retry-After, slow answers).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number }
  /** The request is carried out, but its answer comes after `delayMs` (past the client's timeout). */
  | { kind: 'late'; delayMs: number }
  | { kind: 'rate_limited'; retryAfterS: number }
  | { kind: 'slow'; delayMs: number };

export interface FakeRequest { method: string; path: string; query: URLSearchParams; headers: IncomingMessage['headers']; body: unknown }
export interface FakeAnswer { status: number; body?: unknown; headers?: Record<string, string> }
export type Handler = (req: FakeRequest, params: Record<string, string>) => FakeAnswer | Promise<FakeAnswer>;

export function fakeHttp(routes: Array<[method: string, pattern: string, handler: Handler]>) {
  const faults: Array<{ match: RegExp; fault: Fault; times: number }> = [];
  const log: Array<{ method: string; path: string; status: number; at: number; fault?: Fault['kind'] }> = [];
  const compiled = routes.map(([m, p, h]) => ({ m, re: new RegExp(`^${p.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`), h }));
  const sockets = new Set<import('node:net').Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    if (text) {
      body = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(text)) : JSON.parse(text);
    }
    const method = req.method ?? 'GET';
    const send = (a: FakeAnswer) => {
      if (res.destroyed) return;
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body === undefined ? '' : JSON.stringify(a.body));
    };
    const key = `${method} ${url.pathname}`;
    const fi = faults.findIndex((f) => f.match.test(key) && f.times > 0);
    const fault = fi >= 0 ? faults[fi]!.fault : undefined;
    if (fault) faults[fi]!.times--;
    if (fault?.kind === 'status') { log.push({ method, path: url.pathname, status: fault.status, at: Date.now(), fault: 'status' }); return send({ status: fault.status, body: { message: 'injected failure' } }); }
    if (fault?.kind === 'rate_limited') {
      log.push({ method, path: url.pathname, status: 429, at: Date.now(), fault: 'rate_limited' });
      return send({ status: 429, body: { message: 'Too Many Requests' }, headers: { 'retry-after': String(fault.retryAfterS) } });
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
    let answer: FakeAnswer = { status: 404, body: { code: 'NOT_FOUND' } };
    for (const r of compiled) {
      const m = r.m === method ? r.re.exec(url.pathname) : null;
      if (m) { answer = await r.h({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body }, { ...m.groups }); break; }
    }
    log.push({ method, path: url.pathname, status: answer.status, at: Date.now(), ...(fault ? { fault: fault.kind } : {}) });
    if (fault?.kind === 'late') await new Promise((r) => setTimeout(r, fault.delayMs));
    send(answer);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => { if (!res.headersSent) { res.writeHead(500); res.end(String(e)); } });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });

  return {
    log,
    /** The next `times` requests whose "METHOD /path" matches fail this way. */
    inject(match: RegExp, fault: Fault, times = 1) { faults.push({ match, fault, times }); },
    clearFaults() { faults.length = 0; },
    async listen(): Promise<string> {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A monotonic clock for updated-at stamps: two changes in one millisecond still differ. */
export function stampClock() {
  let last = 0;
  return () => { last = Math.max(Date.now(), last + 1); return new Date(last).toISOString(); };
}
