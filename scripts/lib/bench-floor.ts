// The machine's floor for the agent-endpoint figures, measured in the same
// run: what the same load gets from servers that do no work of ours. The VM
// changes from one session to the next, and a p99 with it; these say how much
// of a figure is the machine (Node's HTTP, PostgreSQL's commits, the load
// generator sharing the 2 cores) and how much is the API.
import { writeFile, rm, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { ROOT } from './start-product.ts';
import { DEFAULT_DATABASE_POOL_SIZE } from '../../api/src/config.ts';
import { figures, percentiles, startServerProcess, type LoadFigures, type SteadyFigures } from './bench-load.ts';
import { inOwnProcess } from './bench-client.ts';

export interface FloorFigures {
  /** node:http answering the session's bytes, nothing else. */
  http: { closed: LoadFigures; steady: SteadyFigures; answerBytes: number };
  /** One-row insert transactions, back to back from as many connections as the API's pool holds. */
  commits: { connections: number; tps: number; p50: number; p99: number };
}

/** A bare node:http server in its own process (as the API is), answering every request with `answer`. */
async function startBareServer(answer: Buffer): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vo-floor-'));
  const file = path.join(dir, 'answer.json');
  await writeFile(file, answer);
  const server = await startServerProcess({
    name: 'floor server', cwd: ROOT, printed: /^(http:\S+)$/m,
    args: ['--import', 'tsx', path.join(ROOT, 'scripts/lib/bench-floor-server.ts'), file],
  });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function commitFloor(databaseUrl: string, connections: number, seconds: number): Promise<FloorFigures['commits']> {
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query('CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, payload jsonb NOT NULL)');
  const clients = await Promise.all(Array.from({ length: connections }, async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    return c;
  }));
  const lat: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  try {
    await Promise.all(clients.map(async (c) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await c.query({ name: 'floor', text: 'INSERT INTO bench_floor (payload) VALUES ($1)', values: ['{"type":"floor"}'] });
        lat.push(performance.now() - t0);
      }
    }));
  } finally {
    await Promise.all(clients.map((c) => c.end()));
    await setup.query('DROP TABLE bench_floor');
    await setup.end();
  }
  const { p50, p99 } = percentiles(lat);
  return { connections, tps: Math.round(lat.length / seconds), p50, p99 };
}

export async function benchFloor(o: { answer: Buffer; databaseUrl: string; connections: number; seconds: number; rate: number }): Promise<FloorFigures> {
  const server = await startBareServer(o.answer);
  try {
    const opts = { url: `${server.url}/api/agent/sessions`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: '{"did":"+33491000000"}' };
    await autocannon({ ...opts, connections: 10, duration: 1 });
    const steady = await inOwnProcess('steady', { ...opts, rate: o.rate, seconds: o.seconds });
    const closed = figures(await autocannon({ ...opts, connections: o.connections, duration: o.seconds }));
    const commits = await commitFloor(o.databaseUrl, DEFAULT_DATABASE_POOL_SIZE, Math.min(o.seconds, 5));
    return { http: { closed, steady, answerBytes: o.answer.length }, commits };
  } finally {
    await server.stop();
  }
}
