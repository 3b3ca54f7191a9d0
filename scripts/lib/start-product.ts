// Runs `scripts/start.ts` as a child process, the way a user runs `npm start`,
// and resolves once it prints the dashboard URL. Used by the smoke test and the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
// Generous: the first PGlite start initialises a data directory (3–4 s) and may build the dashboard.
const START_TIMEOUT_MS = 60_000;

export interface Started {
  child: ChildProcess;
  url: string;
  /** From spawn to the printed URL. */
  startMs: number;
  output: () => string;
  stop(): Promise<number | null>;
}

export function startProduct(env: Record<string, string>): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', CONTROLLER_HTTP_PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no dashboard URL after ${START_TIMEOUT_MS} ms:\n${out}`)), START_TIMEOUT_MS);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Dashboard: (http:\/\/\S+?)\/?$/m.exec(out);
      // The banner's last line: wait for it so callers see the whole banner.
      if (m?.[1] && /^ {2}Controller: .*$/m.test(out)) {
        clearTimeout(timer);
        resolve({
          child, url: m[1], startMs: performance.now() - t0, output: () => out,
          stop: () => { child.kill('SIGTERM'); return exited; },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`exited with ${code}:\n${out}`)); });
  });
}
