// `npm start`: the whole product on one machine. With no environment it runs on
// embedded PGlite in ./.data, seeds the demo restaurant, and serves the
// dashboard; with DATABASE_URL it uses PostgreSQL. The controller always runs
// beside it (health, browser test calls); it takes phone calls when ARI and
// OPENAI_API_KEY are set.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfigOrExit } from '../api/src/config.ts';
import { startApi } from '../api/src/server.ts';
import { DEMO_OWNER } from '../api/src/seed/demo-seed.ts';
import { loadControllerConfig } from '../controller/src/config.ts';
import { startController } from '../controller/src/main.ts';

const t0 = performance.now();

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// Build the dashboard when its build is missing or older than its sources, so a
// fresh clone needs no extra step and a `git pull` never serves a stale UI.
function ensureDashboardBuild(dist: string): void {
  const index = path.join(dist, 'index.html');
  const src = path.resolve('dashboard/src');
  // A DASHBOARD_DIST elsewhere is someone else's build: leave it alone.
  if (!existsSync(src) || dist !== path.resolve('dashboard/dist')) return;
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(src)) return;
  console.log('building the dashboard…');
  const r = spawnSync('npm', ['run', '--silent', 'build', '-w', 'dashboard', '--', '--logLevel', 'error'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) console.warn('dashboard build failed: the API runs without it');
}

const config = loadConfigOrExit();
ensureDashboardBuild(config.dashboardDist);
const api = await startApi(config);
const controllerConfig = loadControllerConfig();
// On one machine the controller reaches the API where it really listens (PORT may be 0).
if (!process.env.API_URL) controllerConfig.apiUrl = api.url;
const controller = await startController(controllerConfig);

const storage = config.database.kind === 'pglite' ? `embedded PGlite in ${path.relative(process.cwd(), config.database.dir) || '.'}` : 'PostgreSQL';
console.log(`\nVoiceOrder is running (${storage}) in ${Math.round(performance.now() - t0)} ms`);
console.log(`  Dashboard: ${api.url}/`);
if (api.seeded) console.log(`  Demo login: ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
console.log(`  Controller: ${controller.summary}`);
if (!config.redisUrl) console.log('  Redis: not configured (REDIS_URL is not set)');

const stop = (signal: string) => {
  console.log(`\n${signal}: stopping…`);
  const closing = [api.close(), controller.close()];
  Promise.all(closing).then(() => process.exit(0), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
