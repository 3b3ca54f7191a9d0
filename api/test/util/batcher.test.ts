import t from 'tap';
import { batcher } from '../../src/util/batcher.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

t.test('requests of one tick leave in one batch', async (t) => {
  const batches: number[][] = [];
  const b = batcher<number, number>(async (xs) => { batches.push(xs); return xs.map((x) => x * 10); });
  const out = await Promise.all([1, 2, 3].map((x) => b.load(x)));
  t.same(out, [10, 20, 30]);
  t.same(batches, [[1, 2, 3]]);
});

t.test('what arrives while a batch runs waits for it, then leaves together', async (t) => {
  const batches: number[][] = [];
  const gate = deferred<void>();
  const b = batcher<number, number>(async (xs) => {
    batches.push(xs);
    if (batches.length === 1) await gate.promise;
    return xs;
  });
  const first = b.load(1);
  await new Promise((r) => setImmediate(r));
  const later = [2, 3, 4].map((x) => b.load(x));
  await new Promise((r) => setTimeout(r, 20));
  t.same(batches, [[1]], 'nothing else runs while the first batch is in flight');
  gate.resolve();
  t.same(await Promise.all([first, ...later]), [1, 2, 3, 4]);
  t.same(batches, [[1], [2, 3, 4]]);
});

t.test('one bad item fails alone, not the others that shared its batch', async (t) => {
  const b = batcher<number, number>(async (xs) => {
    if (xs.includes(13)) throw new Error('bad item');
    return xs;
  });
  const results = await Promise.allSettled([12, 13, 14].map((x) => b.load(x)));
  t.same(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  t.same(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)), [12, 'bad item', 14]);
});
