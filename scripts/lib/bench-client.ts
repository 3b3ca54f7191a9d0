// The timed clients (a steady rate, paced callers) each run in a fresh
// process of their own, not in the bench's. A client's own pauses are in
// every figure it takes: in the bench's process, beside autocannon and a
// heap grown by the earlier phases, a bare node:http server measured at a
// steady 1000 req/s gave a p99 of 6–16 ms, against 1–2 ms from a fresh
// process (2026-11-22).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pacedCallers, steadyRate } from './bench-load.ts';

const clients = { steady: steadyRate, paced: pacedCallers };
type Kind = keyof typeof clients;

/** Runs one client in a new Node process and returns what it measured. */
export function inOwnProcess<K extends Kind>(kind: K, opts: Parameters<(typeof clients)[K]>[0]): Promise<Awaited<ReturnType<(typeof clients)[K]>>> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, kind, JSON.stringify(opts)], {
    cwd: path.dirname(import.meta.filename), stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as Awaited<ReturnType<(typeof clients)[K]>>);
      else reject(new Error(`bench client ${kind} exited ${code}: ${out}`));
    });
  });
}

if (process.argv[1] === import.meta.filename) {
  const kind = process.argv[2] as Kind;
  const opts = JSON.parse(process.argv[3] ?? '{}') as never;
  const result = await clients[kind](opts);
  // Open keep-alive connections would hold the process for seconds: its answer is all that is left to do.
  process.stdout.write(JSON.stringify(result), () => process.exit(0));
}
