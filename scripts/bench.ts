// `npm run bench`: the figures the README quotes. Timings live here, never in
// tests. Each figure is the median of a few runs on this machine.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startProduct } from './lib/start-product.ts';
import { benchAgentApi, type PacedFigures } from './lib/bench-api.ts';
import { benchBoardLatency } from '../dashboard/test/bench-board-latency.ts';

const RUNS = Number(process.argv[2] ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function benchStart(): Promise<{ cold: number[]; warm: number[]; requestP50: number[]; rssMb: number[] }> {
  const cold: number[] = [], warm: number[] = [], requestP50: number[] = [], rssMb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vo-bench-'));
    try {
      const first = await startProduct({ DATA_DIR: dataDir });
      cold.push(first.startMs);
      await first.stop();
      const second = await startProduct({ DATA_DIR: dataDir });
      warm.push(second.startMs);
      const lat: number[] = [];
      for (let k = 0; k < 200; k++) {
        const t0 = performance.now();
        await (await fetch(second.url + '/api/public/restaurants/pizzeria-bella-marseille')).arrayBuffer();
        lat.push(performance.now() - t0);
      }
      requestP50.push(median(lat));
      const pid = second.child.pid;
      if (pid) {
        const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
        rssMb.push(kb / 1024);
      }
      await second.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return { cold, warm, requestP50, rssMb };
}

const s = await benchStart();
const fmt = (xs: number[], unit: string, digits = 0) => `${median(xs).toFixed(digits)} ${unit} (runs: ${xs.map((x) => x.toFixed(digits)).join(', ')})`;
console.log(`npm start, embedded PGlite, fresh .data (target < 10 s): ${fmt(s.cold, 'ms')}`);
console.log(`npm start, embedded PGlite, existing .data (target < 3 s): ${fmt(s.warm, 'ms')}`);
console.log(`GET /api/public/restaurants/:slug on PGlite, p50 of 200: ${fmt(s.requestP50, 'ms', 2)}`);
console.log(`API process RSS after start (PGlite): ${fmt(s.rssMb, 'MB')}`);

const load = await benchAgentApi({ seconds: 10, connections: 100 });
const line = (label: string, f: { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }) =>
  console.log(`${label}: ${f.rps} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms (${f.requests} requests, ${f.non2xx} non-2xx, ${f.errors} errors)`);
line('POST /api/agent/sessions, 100 connections, PostgreSQL (target >= 2000 req/s, p99 <= 10 ms)', load.sessions);
const steady = load.sessionsAtRate;
console.log(`POST /api/agent/sessions at a steady ${steady.rate} req/s (open loop), PostgreSQL (target p99 <= 10 ms): ${steady.requests} requests, ${steady.failures} failures, p50 ${steady.p50.toFixed(1)} ms, p99 ${steady.p99.toFixed(1)} ms, max ${steady.max.toFixed(1)} ms`);
line('POST /api/agent/calls/:id/tools/confirm_order, 100 connections back to back (saturation)', load.tools);
const c = load.callers;
const paced = (label: string, f: PacedFigures) =>
  console.log(`  ${label}: ${f.requests} requests, at the client p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(1)} ms; in the API p50 ${f.app.p50.toFixed(1)} ms, p99 ${f.app.p99.toFixed(1)} ms`);
console.log(`${c.callers} concurrent callers at a person's pace (session, quote, confirm, 2-4 s apart), ${c.seconds} s, ${c.failures} failures (target for tools: p99 <= 20 ms):`);
paced('POST /api/agent/sessions', c.session);
paced('quote_order', c.quote);
paced('confirm_order', c.confirm);
console.log(`orders created by confirm_order during the run: ${load.ordersCreated}${load.sampleFailure ? `; a failed tool answer: ${JSON.stringify(load.sampleFailure)}` : ''}`);

const board = await benchBoardLatency({ orders: 50 });
console.log(`order confirmed by the agent tool → card on the dashboard board (headless Chromium), ${board.orders} orders: p50 ${board.p50.toFixed(1)} ms, p99 ${board.p99.toFixed(1)} ms, max ${board.max.toFixed(1)} ms (target 300 ms)`);
process.exit(0);
