import t from 'tap';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_CATCHUP_TICKS, Pacer, type PacedStream } from '../../src/media/pacer.ts';

/** Records each tick's timer callback time: ticks sharing it ran back to back. */
class FakeStream implements PacedStream {
  ticks: number[] = [];
  skipped = 0;
  tick(nowMs: number): void {
    this.ticks.push(nowMs);
  }
  skip(intervals: number): void {
    this.skipped += intervals;
  }
  /** The most frames this stream sent in one timer callback. */
  largestBurst(): number {
    const perCallback = new Map<number, number>();
    for (const at of this.ticks) perCallback.set(at, (perCallback.get(at) ?? 0) + 1);
    return Math.max(0, ...perCallback.values());
  }
}

function blockEventLoop(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Busy-wait: a synchronous stall, like a long GC pause or a heavy JSON parse.
  }
}

t.test('over one second each stream gets 50 ticks, one per 20 ms, without drift', async (t) => {
  const pacer = new Pacer();
  const streams = [new FakeStream(), new FakeStream(), new FakeStream()];
  const start = performance.now();
  for (const s of streams) pacer.register(s);
  await sleep(1000);
  const elapsed = performance.now() - start;
  pacer.stop();
  // Ticks fall due at 0, 20, 40 … ms: how many were due by the time we stopped.
  const due = Math.floor(elapsed / 20) + 1;
  for (const s of streams) {
    const frames = s.ticks.length + s.skipped;
    t.ok(frames >= due - 1 && frames <= due, `${frames} ticks for ${elapsed.toFixed(0)} ms (${due} due)`);
    t.ok(Math.abs(frames - 50) <= 1 || elapsed > 1020, `about 50 ticks per second (${frames})`);
  }
  const stats = pacer.stats();
  t.equal(stats.ticks, streams[0]!.ticks.length);
  t.ok(stats.latenessP50Ms >= 0 && stats.latenessP50Ms <= stats.latenessP99Ms && stats.latenessP99Ms <= stats.latenessMaxMs);
  t.ok(stats.latenessP50Ms < 10, `median lateness ${stats.latenessP50Ms.toFixed(2)} ms`);
  t.notOk(pacer.running);
});

t.test('after a 100 ms event-loop block: at most the catch-up cap per callback, no burst', async (t) => {
  const pacer = new Pacer();
  const streams = [new FakeStream(), new FakeStream()];
  const start = performance.now();
  for (const s of streams) pacer.register(s);
  await sleep(300);
  blockEventLoop(100);
  await sleep(600);
  const elapsed = performance.now() - start;
  pacer.stop();
  const stats = pacer.stats();
  const due = Math.floor(elapsed / 20) + 1;
  for (const s of streams) {
    t.ok(s.largestBurst() <= MAX_CATCHUP_TICKS, `largest burst ${s.largestBurst()} <= ${MAX_CATCHUP_TICKS}`);
    t.ok(s.skipped >= 1, `the intervals beyond the cap were skipped (${s.skipped}), not replayed`);
    t.equal(s.skipped, stats.skippedTicks, 'each stream was told about every skipped interval');
    const frames = s.ticks.length + s.skipped;
    t.ok(frames >= due - 1 && frames <= due, `sent + skipped (${frames}) still follows wall time (${due} due)`);
  }
  t.ok(stats.catchUpTicks >= 1, 'some ticks ran late in a catch-up');
  t.ok(stats.latenessMaxMs >= 80, `the stall shows in the lateness (${stats.latenessMaxMs.toFixed(0)} ms)`);
});

t.test('a throwing stream does not stop the clock for the others', async (t) => {
  const errors: unknown[] = [];
  const pacer = new Pacer({ onStreamError: (err) => errors.push(err) });
  const good = new FakeStream();
  pacer.register({ tick: () => { throw new Error('boom'); } });
  pacer.register(good);
  await sleep(100);
  pacer.stop();
  t.ok(good.ticks.length >= 3);
  t.equal(errors.length, good.ticks.length);
});

t.test('the clock runs only while streams are registered, and restarts', async (t) => {
  const pacer = new Pacer();
  const a = new FakeStream();
  const b = new FakeStream();
  t.notOk(pacer.running);
  pacer.register(a);
  pacer.register(b);
  t.equal(pacer.size, 2);
  await sleep(60);
  pacer.unregister(a);
  t.ok(pacer.running);
  const aTicks = a.ticks.length;
  await sleep(60);
  t.equal(a.ticks.length, aTicks, 'an unregistered stream is not ticked');
  pacer.unregister(b);
  t.notOk(pacer.running);
  pacer.register(a);
  await sleep(60);
  t.ok(a.ticks.length > aTicks, 'ticks again after re-registering');
  pacer.stop();
  t.equal(pacer.size, 0);
  t.notOk(pacer.running);
});

t.test('a stream may unregister itself from inside its tick', async (t) => {
  const pacer = new Pacer();
  let ticks = 0;
  const self: PacedStream = { tick: () => { ticks++; pacer.unregister(self); } };
  pacer.register(self);
  await sleep(80);
  t.equal(ticks, 1);
  t.notOk(pacer.running);
});
