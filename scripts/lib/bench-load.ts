// What the load runs share: a server in a child process, autocannon's
// figures, a steady open-loop rate and paced callers.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type autocannon from 'autocannon';

/**
 * Starts a server in its own Node process and resolves with the URL it
 * prints (the first capture of `printed`) once it listens.
 */
export async function startServerProcess(o: { args: string[]; cwd: string; env?: NodeJS.ProcessEnv; printed: RegExp; name: string }): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, o.args, { cwd: o.cwd, stdio: ['ignore', 'pipe', 'inherit'], ...(o.env ? { env: o.env } : {}) });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = o.printed.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${o.name} exited ${code}: ${out}`)));
  });
  // Its later output is not read, but must not fill the pipe and stall it.
  child.stdout.removeAllListeners('data');
  child.stdout.resume();
  return { url, stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }) };
}

export interface LoadFigures { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }

export const figures = (r: autocannon.Result): LoadFigures => ({
  rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, requests: r.requests.total,
});

const STEADY_WARMUP_S = 2;

export interface SteadyFigures { rate: number; requests: number; failures: number; p50: number; p99: number; max: number }

/**
 * Requests sent on a fixed schedule whatever the answers (an open loop, as
 * calls arrive), timed from their planned start so that a stall counts for
 * every request it delays. autocannon's `overallRate` sends each second's
 * quota as a burst, which measures the burst, not the rate.
 */
export async function steadyRate(o: { url: string; headers: Record<string, string>; body: string; rate: number; seconds: number }): Promise<SteadyFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(o.url);
  const lat: number[] = [];
  let failures = 0;
  const send = (planned: number, counted: boolean) => new Promise<void>((resolve) => {
    // Timed from its planned start when sent late (a stall counts), from its sending when sent early (up to 1 ms, the timer's grain).
    const from = Math.min(planned, performance.now());
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: o.headers }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => {
        if (counted) lat.push(performance.now() - from);
        if ((res.statusCode ?? 500) >= 300) failures++;
        resolve();
      });
    });
    req.on('error', () => { failures++; resolve(); });
    req.end(o.body);
  });
  // The first seconds open the client's connections and warm the API's code paths at this rate: not counted.
  const warmup = o.rate * STEADY_WARMUP_S;
  const total = warmup + o.rate * o.seconds;
  const start = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let n = 0; n < total; n++) {
    const planned = start + (n * 1000) / o.rate;
    const wait = planned - performance.now();
    if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(planned, n >= warmup));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { rate: o.rate, requests: lat.length, failures, ...percentiles(lat) };
}

export function percentiles(xs: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

export interface PacedFigures {
  requests: number; p50: number; p99: number; max: number;
  /** The API's own time for the same requests (its Server-Timing header), without the network and this client. */
  app: { p50: number; p99: number; max: number };
}

// A caller thinks between tool calls: the model speaks a sentence or two (2–4 s) before it calls the next one.
const THINK_MIN_MS = 2_000;
const THINK_SPREAD_MS = 2_000;

/**
 * N callers on the line at once, each doing what a phone order does, at a
 * person's pace: a session, a quote, a confirmation, then a new call. This is
 * the load "100 concurrent callers" puts on the API, as opposed to the
 * closed-loop saturation runs (autocannon), where 100 connections fire back to back.
 */
export async function pacedCallers(o: { url: string; headers: Record<string, string>; line: unknown; callers: number; seconds: number }) {
  const lat = { session: [] as number[], quote: [] as number[], confirm: [] as number[] };
  const app = { session: [] as number[], quote: [] as number[], confirm: [] as number[] };
  let failures = 0;
  const deadline = performance.now() + o.seconds * 1000;
  const post = async (path: string, body: unknown, kind: keyof typeof lat) => {
    const t0 = performance.now();
    const res = await fetch(`${o.url}${path}`, { method: 'POST', headers: o.headers, body: JSON.stringify(body) });
    const text = await res.text();
    lat[kind].push(performance.now() - t0);
    const dur = /app;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1];
    if (dur) app[kind].push(Number(dur));
    if (!res.ok) failures++;
    return JSON.parse(text) as { callId?: string; ok?: boolean };
  };
  const think = () => new Promise((r) => setTimeout(r, THINK_MIN_MS + Math.random() * THINK_SPREAD_MS));
  async function caller(n: number): Promise<void> {
    // Callers arrive spread over the first think time, not all in the same millisecond.
    await new Promise((r) => setTimeout(r, Math.random() * THINK_MIN_MS));
    for (let call = 0; performance.now() < deadline; call++) {
      const phone = `+336${String(20_000_000 + n * 1000 + call).padStart(8, '0')}`;
      const session = await post('/api/agent/sessions', { did: '+33491000000', callerNumber: phone }, 'session');
      if (!session.callId) continue;
      const args = { type: 'pickup', lines: [o.line], customer_name: `Client ${n}` };
      await think();
      await post(`/api/agent/calls/${session.callId}/tools/quote_order`, { toolCallId: `q-${n}-${call}`, arguments: args }, 'quote');
      await think();
      await post(`/api/agent/calls/${session.callId}/tools/confirm_order`, { toolCallId: `c-${n}-${call}`, arguments: args }, 'confirm');
      await think();
    }
  }
  await Promise.all(Array.from({ length: o.callers }, (_, n) => caller(n)));
  const fig = (k: keyof typeof lat): PacedFigures => ({ requests: lat[k].length, ...percentiles(lat[k]), app: percentiles(app[k]) });
  return { callers: o.callers, seconds: o.seconds, failures, session: fig('session'), quote: fig('quote'), confirm: fig('confirm') };
}
