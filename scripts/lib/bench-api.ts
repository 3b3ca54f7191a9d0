// Load on the agent endpoints, the way a controller hits them: the real API in
// its own process on the real PostgreSQL, autocannon in this one.
import { spawn } from 'node:child_process';
import http from 'node:http';
import autocannon from 'autocannon';
import { ROOT } from './start-product.ts';
import { createTestDatabase } from '../../api/test/helpers/test-db.ts';
import { openDatabase } from '../../api/src/db/database.ts';
import { createServiceToken } from '../../api/test/helpers/tokens.ts';
import { DEMO_SLUG } from '../../api/src/seed/demo-seed.ts';

export interface LoadFigures { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }

const figures = (r: autocannon.Result): LoadFigures => ({
  rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, requests: r.requests.total,
});

async function startApi(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...(process.env.VO_BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.VO_BENCH_PROF}`] : []), '--import', 'tsx', 'api/src/main.ts'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, SEED_DEMO: 'true', PORT: '0', LOG_LEVEL: 'info', SECRETS_KEY: Buffer.alloc(32, 9).toString('base64'), DASHBOARD_DIST: '/nonexistent' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:[^"]+)"/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`API exited ${code}: ${out}`)));
  });
  child.stdout.removeAllListeners('data');
  child.stdout.resume();
  return { url, stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }) };
}

// Half the session target (2000/s): a steady load well above what one platform's calls ever start.
const SESSION_RATE = 1000;
// A closed-loop run leaves requests queued in the API when the client stops; the next phase waits them out.
const SETTLE_MS = 2_000;

export async function benchAgentApi(opts: { seconds: number; connections: number }) {
  const tdb = await createTestDatabase({ migrated: true });
  const api = await startApi(tdb.url);
  const db = await openDatabase({ kind: 'postgres', url: tdb.url });
  try {
    const token = await createServiceToken(db.prisma, null);
    const r = await db.prisma.restaurant.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    // Orders pile up during the run: lift the kitchen cap so every one is a real create.
    await db.prisma.restaurant.update({ where: { id: r.id }, data: { kitchenSlotMaxOrders: null, kitchenSlotMaxItems: null } });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const body = JSON.stringify({ did: '+33491000000', callerNumber: '+33612345678' });
    // Between phases: the queue drained, and the WAL that one phase wrote flushed by a checkpoint,
    // so that its disk writes do not land in the next phase's latencies.
    const settle = async () => {
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      await db.prisma.$executeRawUnsafe('CHECKPOINT');
    };
    const session = await fetch(`${api.url}/api/agent/sessions`, { method: 'POST', headers, body }).then((x) => x.json() as Promise<{ instructions: string }>);
    const code = (re: RegExp) => re.exec(session.instructions)?.[1];
    const line = { code: code(/\[(i[0-9a-z]+)\] Margherita /), quantity: 1, options: [code(/\[(o[0-9a-z]+)\] Normale/)] };

    // Warm-up.
    await autocannon({ url: `${api.url}/api/agent/sessions`, method: 'POST', headers, body, connections: 10, duration: 1 });
    await settle();
    // 100 callers at a person's pace first, on the demo restaurant as seeded: the saturation runs below leave
    // thousands of calls and orders behind, which no restaurant's evening has.
    // 40 s gives ~500 requests of each kind: a p99 that is not just the third-worst request.
    const callers = await pacedCallers({ url: api.url, headers, line, callers: opts.connections, seconds: opts.seconds * 4 });
    await settle();

    // Latency at a steady arrival rate below saturation: what a call start waits when the API is busy but not queueing.
    const sessionsAtRate = await steadyRate({ url: `${api.url}/api/agent/sessions`, headers, body, rate: SESSION_RATE, seconds: opts.seconds });
    await settle();

    // Sessions at full load.
    const failures = new Map<string, number>();
    const sessions = figures(await autocannon({
      url: `${api.url}/api/agent/sessions`, method: 'POST', headers, body, connections: opts.connections, duration: opts.seconds,
      requests: [{ onResponse: (status: number, text: string) => {
        if (status >= 300) failures.set(`${status} ${text.slice(0, 120)}`, (failures.get(`${status} ${text.slice(0, 120)}`) ?? 0) + 1);
      } }],
    }));
    if (failures.size) console.error('session failures:', Object.fromEntries(failures));
    await settle();
    // One call per confirm_order, as 100 callers each confirming their own order, back to back.
    const calls = await db.prisma.call.createManyAndReturn({
      // 100 concurrent callers are 100 people: each call has its own number (one shared number would make every
      // order wait on that one customer's row, which no real rush hour does).
      data: Array.from({ length: 20_000 }, (_, n) => ({ restaurantId: r.id, callerNumber: `+336${String(10_000_000 + n).padStart(8, '0')}` })), select: { id: true },
    });
    let i = 0;
    const tools = figures(await autocannon({
      url: api.url, connections: opts.connections, duration: opts.seconds,
      requests: [{
        method: 'POST', headers,
        setupRequest: (req) => {
          const callId = calls[i++ % calls.length]!.id;
          return { ...req, path: `/api/agent/calls/${callId}/tools/confirm_order`, body: JSON.stringify({ toolCallId: `bench-${i}`, arguments: { type: 'pickup', lines: [line], customer_name: 'Bench' } }) };
        },
      }],
    }));
    const orders = await db.prisma.order.count({ where: { source: 'phone_ai' } });
    const failed = await db.prisma.toolInvocation.findFirst({ where: { ok: false, toolCallId: { startsWith: 'bench-' } } });
    return { sessions, sessionsAtRate, tools, callers, ordersCreated: orders, sampleFailure: failed?.result ?? null };
  } finally {
    await db.close();
    await api.stop();
    await tdb.drop();
  }
}

const STEADY_WARMUP_S = 2;

export interface SteadyFigures { rate: number; requests: number; failures: number; p50: number; p99: number; max: number }

/**
 * Requests sent on a fixed schedule whatever the answers (an open loop, as
 * calls arrive), timed from their planned start so that a stall counts for
 * every request it delays. autocannon's `overallRate` sends each second's
 * quota as a burst, which measures the burst, not the rate.
 */
async function steadyRate(o: { url: string; headers: Record<string, string>; body: string; rate: number; seconds: number }): Promise<SteadyFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(o.url);
  const lat: number[] = [];
  let failures = 0;
  const send = (planned: number, counted: boolean) => new Promise<void>((resolve) => {
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: o.headers }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => {
        if (counted) lat.push(performance.now() - planned);
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

export interface PacedFigures {
  requests: number; p50: number; p99: number; max: number;
  /** The API's own time for the same requests (its Server-Timing header), without the network and this client. */
  app: { p50: number; p99: number; max: number };
}

function percentiles(xs: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

// A caller thinks between tool calls: the model speaks a sentence or two (2–4 s) before it calls the next one.
const THINK_MIN_MS = 2_000;
const THINK_SPREAD_MS = 2_000;

/**
 * N callers on the line at once, each doing what a phone order does, at a
 * person's pace: a session, a quote, a confirmation, then a new call. This is
 * the load "100 concurrent callers" puts on the API, as opposed to the
 * closed-loop saturation runs above, where 100 connections fire back to back.
 */
async function pacedCallers(o: { url: string; headers: Record<string, string>; line: unknown; callers: number; seconds: number }) {
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
