// Bug: two browser tests started together, both found no dashboard build, and
// the second `vite build --emptyOutDir` emptied the folder the first was already
// serving; its page never rendered (CI: "waiting for getByLabel('Adresse e-mail')").
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { publishBuild } from './helpers/build.ts';

function fakeBuild(root: string, label: string): string {
  const dir = mkdtempSync(path.join(root, 'out.building-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), `<script src="/assets/app-${label}.js"></script>`);
  writeFileSync(path.join(dir, 'assets', `app-${label}.js`), label);
  return dir;
}

t.test('two builds finishing one after the other: the folder being served is left exactly as it was', async (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vo-build-race-'));
  t.teardown(() => import('node:fs').then((fs) => fs.rmSync(root, { recursive: true, force: true })));
  const out = path.join(root, 'out');
  const first = fakeBuild(root, 'first');
  const second = fakeBuild(root, 'second');

  publishBuild(first, out);
  const served = readFileSync(path.join(out, 'index.html'), 'utf8');
  publishBuild(second, out);

  t.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), served, 'index.html is the one already served');
  t.ok(existsSync(path.join(out, 'assets', 'app-first.js')), 'the script it points at is still there');
  t.same(readdirSync(root), ['out'], 'the late build is thrown away, not left behind');
});
