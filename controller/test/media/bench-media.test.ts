import t from 'tap';
import { benchMediaPath, expectedFrames } from '../../src/media/bench-media.ts';

t.test('the media benchmark runs end to end on a few calls', async (t) => {
  const r = await benchMediaPath(5, 1);
  t.equal(r.calls, 5);
  const expected = expectedFrames(5, 1);
  t.ok(r.framesSent >= expected * 0.9 && r.framesSent <= expected + 10, `${r.framesSent} frames sent (~${expected})`);
  t.ok(r.framesReceived <= r.framesSent);
  for (const key of ['cpuMsPerCallPerSecond', 'jitterP99Ms', 'lateFrames', 'droppedFrames', 'rssMbPerCall'] as const) {
    t.ok(Number.isFinite(r[key]) && r[key] >= 0, `${key} = ${r[key]}`);
  }
});
