// `npm run bench:media`: the controller's media path on this machine.
// (1) The outbound relay: N calls fed model audio, paced by the one clock,
// packed as RTP and sent over UDP to a sink in another process.
// (2) The whole relay, both directions at once: RTP in at 50 frames/s and
// model audio back over one Realtime WebSocket per call, with a peer process
// playing Asterisk and the Realtime server.
// (3) Call setup: StasisStart → model greeting requested, through the real
// controller against the ARI and Realtime fakes and the real API.
import { benchMediaPath } from '../controller/src/media/bench-media.ts';
import { benchRelay } from './lib/bench-relay.ts';
import { benchCallSetup } from './lib/bench-call-setup.ts';

const SECONDS = Number(process.env.BENCH_MEDIA_SECONDS ?? 5);
console.log(`outbound media path, ${SECONDS} s per run (targets: jitter p99 <= 2 ms, 0 dropped at 1000 calls)`);
console.log('calls | CPU ms per call per s | pacer jitter p99 | late frames | dropped frames | RSS per call');
for (const calls of [100, 500, 1000]) {
  const r = await benchMediaPath(calls, SECONDS);
  console.log(`${String(calls).padStart(5)} | ${r.cpuMsPerCallPerSecond.toFixed(2).padStart(21)} | ${(r.jitterP99Ms.toFixed(2) + ' ms').padStart(16)} | ${String(r.lateFrames).padStart(11)} | ${String(r.droppedFrames).padStart(14)} | ${r.rssMbPerCall.toFixed(3)} MB`);
}
console.log(`\nwhole relay, both directions, ${SECONDS} s per run after 1 s of warm-up (targets: added latency p99 <= 0.5 ms, jitter p99 <= 2 ms, 0 dropped at 1000 calls)`);
console.log('calls | CPU ms per call per s | RTP in → append sent p50 / p99 | tick due → RTP sent p50 / p99 | pacer jitter p99 | late frames | dropped frames | RSS per call');
const ms = (x: number) => `${x.toFixed(2)} ms`;
for (const calls of [100, 500, 1000]) {
  const r = await benchRelay(calls, SECONDS);
  console.log(`${String(calls).padStart(5)} | ${r.cpuMsPerCallPerSecond.toFixed(2).padStart(21)} | ${`${ms(r.inboundP50Ms)} / ${ms(r.inboundP99Ms)}`.padStart(30)} | ${`${ms(r.outboundP50Ms)} / ${ms(r.outboundP99Ms)}`.padStart(29)} | ${ms(r.jitterP99Ms).padStart(16)} | ${String(r.lateFrames).padStart(11)} | ${String(r.droppedFrames).padStart(14)} | ${r.rssMbPerCall.toFixed(3)} MB`);
}
const setup = await benchCallSetup(30);
console.log(`call setup (StasisStart → greeting requested), ${setup.samples} calls one after another: p50 ${setup.p50.toFixed(0)} ms, p99 ${setup.p99.toFixed(0)} ms (target p99 <= 150 ms)`);
console.log(`barge-in stop (speech_started → last frame sent): p50 ${setup.bargeInP50.toFixed(1)} ms, max ${setup.bargeInMax.toFixed(1)} ms (target <= 20 ms)`);
process.exit(0);
