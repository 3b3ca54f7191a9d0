// Builds the dashboard once per source state into a temp folder, so tests and
// the bench never race `npm run build` or the lead's dist/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DASHBOARD_DIR = fileURLToPath(new URL('../..', import.meta.url));
const ROOT = path.resolve(DASHBOARD_DIR, '..');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

/** A hash of everything that goes into the bundle: the app's sources and the API contract it imports. */
function sourceHash(): string {
  const h = createHash('sha256');
  const inputs = [
    ...files(path.join(DASHBOARD_DIR, 'src')), ...files(path.join(ROOT, 'api/src/contract')),
    path.join(DASHBOARD_DIR, 'index.html'), path.join(DASHBOARD_DIR, 'vite.config.ts'), path.join(DASHBOARD_DIR, 'package.json'),
  ].sort();
  for (const f of inputs) h.update(f).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/**
 * Moves a finished build to `out` in one rename, unless another process got there
 * first: a folder that a running test already serves is never written into again.
 */
export function publishBuild(tmp: string, out: string): void {
  try {
    renameSync(tmp, out);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The absolute path of a built dashboard matching the current sources. */
export function buildDashboard(): string {
  const out = path.join(os.tmpdir(), `vo-dashboard-${sourceHash()}`);
  if (existsSync(path.join(out, 'index.html'))) return out;
  // Test files run two at a time and may both find no build: each builds apart.
  const tmp = mkdtempSync(`${out}.building-`);
  const r = spawnSync('npx', ['vite', 'build', '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'], { cwd: DASHBOARD_DIR, encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`dashboard build failed:\n${r.stdout}\n${r.stderr}`);
  }
  publishBuild(tmp, out);
  return out;
}
