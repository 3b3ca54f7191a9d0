// The agent's knowledge and the pricing rules are rebuilt in the background:
// a caller's request is never the one that waits for a rebuild, unless the
// old value is too old or no longer valid (another day).
import t from 'tap';
import { refreshingCache } from '../../src/util/refreshing-cache.ts';

function loader() {
  const pending: Array<{ key: string; resolve: (v: string) => void; reject: (e: Error) => void }> = [];
  let n = 0;
  const load = (key: string) => new Promise<string>((resolve, reject) => { n++; pending.push({ key, resolve, reject }); });
  return { load, pending, count: () => n };
}

t.test('a stale value is served while the reload runs, then the new one', async (t) => {
  const l = loader();
  const c = refreshingCache(l.load, { freshMs: 100, maxStaleMs: 1000 });
  const first = c.get('r', 0);
  l.pending.shift()!.resolve('v1');
  t.equal(await first, 'v1');
  t.equal(await c.get('r', 50), 'v1', 'fresh: no reload');
  t.equal(l.count(), 1);
  t.equal(await c.get('r', 200), 'v1', 'stale: answered at once from the old value');
  t.equal(l.count(), 2, 'and a reload started');
  t.equal(await c.get('r', 210), 'v1', 'a second reader does not start another');
  t.equal(l.count(), 2);
  l.pending.shift()!.resolve('v2');
  await new Promise((r) => setImmediate(r));
  t.equal(await c.get('r', 220), 'v2', 'the new value once loaded');
});

t.test('too old, a reader waits for the new value', async (t) => {
  const l = loader();
  const c = refreshingCache(l.load, { freshMs: 100, maxStaleMs: 1000 });
  const first = c.get('r', 0);
  l.pending.shift()!.resolve('v1');
  await first;
  const late = c.get('r', 5000);
  l.pending.shift()!.resolve('v2');
  t.equal(await late, 'v2');
});

t.test('a value that is no longer usable (another day) is never served', async (t) => {
  const l = loader();
  const c = refreshingCache(l.load, { freshMs: 100, maxStaleMs: 1000, usable: (v, now) => v === `day${Math.floor(now / 50)}` });
  const first = c.get('r', 0);
  l.pending.shift()!.resolve('day0');
  t.equal(await first, 'day0');
  const next = c.get('r', 60);
  l.pending.shift()!.resolve('day1');
  t.equal(await next, 'day1', 'within its fresh time but for another day: reloaded and waited for');
});

t.test('a failed reload keeps the old value and is retried by the next reader', async (t) => {
  const l = loader();
  const c = refreshingCache(l.load, { freshMs: 100, maxStaleMs: 1000 });
  const first = c.get('r', 0);
  l.pending.shift()!.resolve('v1');
  await first;
  t.equal(await c.get('r', 200), 'v1');
  l.pending.shift()!.reject(new Error('database down'));
  await new Promise((r) => setImmediate(r));
  t.equal(await c.get('r', 300), 'v1', 'still served');
  t.equal(l.count(), 3, 'and tried again');
});

t.test('a failed first load is not kept: the next reader tries again', async (t) => {
  const l = loader();
  const c = refreshingCache(l.load, { freshMs: 100, maxStaleMs: 1000 });
  const first = c.get('r', 0);
  l.pending.shift()!.reject(new Error('database down'));
  await t.rejects(first, /database down/);
  const again = c.get('r', 1);
  l.pending.shift()!.resolve('v1');
  t.equal(await again, 'v1');
});

t.test('a change reloads at once; readers get the old value until the new one is there', async (t) => {
  const l = loader();
  const c = refreshingCache(l.load, { freshMs: 60_000, maxStaleMs: 120_000 });
  const first = c.get('r', 0);
  l.pending.shift()!.resolve('menu v1');
  await first;
  c.invalidate('r');
  t.equal(l.count(), 2, 'the reload starts with the change, not with a reader');
  t.equal(await c.get('r', 10), 'menu v1', 'a caller meanwhile is not kept waiting');
  l.pending.shift()!.resolve('menu v2');
  await new Promise((r) => setImmediate(r));
  t.equal(await c.get('r', 20), 'menu v2', 'the next caller gets the change, long before the value would have aged out');
});

t.test('a reload that read before the change never replaces the one after it', async (t) => {
  const l = loader();
  const c = refreshingCache(l.load, { freshMs: 100, maxStaleMs: 60_000 });
  const first = c.get('r', 0);
  l.pending.shift()!.resolve('v1');
  await first;
  t.equal(await c.get('r', 200), 'v1', 'aged out: a reload starts');
  const before = l.pending.shift()!;
  c.invalidate('r');
  const after = l.pending.shift()!;
  after.resolve('v3 (after the change)');
  await new Promise((r) => setImmediate(r));
  before.resolve('v2 (read before the change)');
  await new Promise((r) => setImmediate(r));
  t.equal(await c.get('r', 210), 'v3 (after the change)');
});

t.test('a change for one restaurant reloads that one; an unkeyed change reloads all', async (t) => {
  const l = loader();
  const c = refreshingCache(l.load, { freshMs: 60_000, maxStaleMs: 120_000 });
  const a = c.get('a', 0);
  const b = c.get('b', 0);
  for (const p of l.pending.splice(0)) p.resolve(`${p.key}1`);
  await Promise.all([a, b]);
  c.invalidate('a');
  t.same(l.pending.map((p) => p.key), ['a']);
  for (const p of l.pending.splice(0)) p.resolve(`${p.key}2`);
  c.invalidate();
  t.same(l.pending.map((p) => p.key).sort(), ['a', 'b']);
});
