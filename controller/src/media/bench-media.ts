// Micro-benchmark of the outbound media path: N simulated calls, each fed
// base64 G.711 the way Realtime deltas arrive, paced by the one Pacer, packed
// as RTP and sent over UDP to a local sink. The sink runs in a child process,
// so its receive work does not count in this process's CPU time.
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { FRAME_BYTES, FRAME_MS, toneG711 } from './g711.ts';
import { InboundStream } from './inbound-stream.ts';
import { OutboundStream } from './outbound-stream.ts';
import { Pacer } from './pacer.ts';
import { UdpRtpEndpoint } from './udp-rtp-endpoint.ts';

export interface BenchMediaResult {
  calls: number;
  seconds: number;
  /** CPU (user + system) of this process per call per second of audio. */
  cpuMsPerCallPerSecond: number;
  /** p99 of how late the pacer's timer callbacks ran. */
  jitterP99Ms: number;
  /** Frames sent in catch-up after a stall (more than one interval late). */
  lateFrames: number;
  /** Frames that never reached the sink on time: skipped intervals, queue overflow, send errors, UDP loss. */
  droppedFrames: number;
  rssMbPerCall: number;
  framesSent: number;
  framesReceived: number;
}

/** How often the simulated model delivers audio, and how much: 100 ms deltas in real time. */
const FEED_INTERVAL_MS = 100;
/** Audio queued before the clock starts, like the first deltas of a response. */
const PREFILL_MS = 300;
/** Time for the last packets to reach the sink before it is asked for its count. */
const SINK_DRAIN_MS = 300;

const SINK_SOURCE = `
const dgram = require('node:dgram');
const s = dgram.createSocket('udp4');
let n = 0;
s.on('message', () => { n++; });
s.bind(0, '127.0.0.1', () => {
  try { s.setRecvBufferSize(8 * 1024 * 1024); } catch {}
  process.send({ port: s.address().port });
});
process.on('message', (m) => {
  if (m === 'count') process.send({ count: n });
  if (m === 'exit') { s.close(); process.disconnect(); }
});
`;

async function startSink(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['-e', SINK_SOURCE], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const [msg] = (await once(child, 'message')) as [{ port: number }];
  return { child, port: msg.port };
}

async function askSinkCount(child: ChildProcess): Promise<number> {
  const reply = once(child, 'message');
  child.send('count');
  const [msg] = (await reply) as [{ count: number }];
  return msg.count;
}

async function bindLocal(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return socket;
}

export async function benchMediaPath(calls: number, seconds: number): Promise<BenchMediaResult> {
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const sink = await startSink();
  const pacer = new Pacer();
  const sockets: dgram.Socket[] = [];
  const streams: OutboundStream[] = [];
  const endpoints: UdpRtpEndpoint[] = [];
  const delta = toneG711('pcmu', { hz: 440, ms: FEED_INTERVAL_MS }).toString('base64');
  const prefill = toneG711('pcmu', { hz: 440, ms: PREFILL_MS });
  let feeder: NodeJS.Timeout | undefined;
  try {
    for (let i = 0; i < calls; i++) {
      const socket = await bindLocal();
      const endpoint = new UdpRtpEndpoint({
        socket,
        inbound: new InboundStream({ codec: 'pcmu', startMs: performance.now() }),
        onAudio: () => {},
        remote: { address: '127.0.0.1', port: sink.port },
      });
      const stream = new OutboundStream({ codec: 'pcmu', send: (packet) => endpoint.send(packet) });
      stream.append(`item-${i}`, prefill);
      sockets.push(socket);
      endpoints.push(endpoint);
      streams.push(stream);
    }

    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    feeder = setInterval(() => {
      for (let i = 0; i < streams.length; i++) streams[i]!.appendBase64(`item-${i}`, delta);
    }, FEED_INTERVAL_MS);
    for (const stream of streams) pacer.register(stream);
    await sleep(seconds * 1000);
    pacer.stop();
    clearInterval(feeder);
    feeder = undefined;
    const cpu = process.cpuUsage(cpuStart);
    const wallSeconds = (performance.now() - wallStart) / 1000;
    const rssAfter = process.memoryUsage().rss;

    await sleep(SINK_DRAIN_MS);
    const framesReceived = await askSinkCount(sink.child);
    const stats = pacer.stats();
    const { framesSent, lost } = frameTotals(streams, endpoints);
    return {
      calls,
      seconds,
      cpuMsPerCallPerSecond: (cpu.user + cpu.system) / 1000 / calls / wallSeconds,
      jitterP99Ms: stats.latenessP99Ms,
      lateFrames: stats.catchUpTicks * calls,
      droppedFrames: lost + Math.max(0, framesSent - framesReceived),
      rssMbPerCall: Math.max(0, rssAfter - rssBefore) / 1024 / 1024 / calls,
      framesSent,
      framesReceived,
    };
  } finally {
    if (feeder) clearInterval(feeder);
    pacer.stop();
    for (const endpoint of endpoints) endpoint.close();
    for (const socket of sockets) socket.close();
    if (sink.child.connected) sink.child.send('exit');
    else sink.child.kill();
  }
}

/**
 * Frames sent over the calls, and those lost on the way out: refused by a full
 * queue, failed sends, no remote yet, or ticks the pacer skipped. `sentBefore`
 * (per call) leaves out what a warm-up sent.
 */
export function frameTotals(streams: OutboundStream[], endpoints: UdpRtpEndpoint[], sentBefore: number[] = []): { framesSent: number; lost: number } {
  let framesSent = 0;
  let lost = 0;
  for (let i = 0; i < streams.length; i++) {
    const s = streams[i]!.stats();
    const e = endpoints[i]!.counts();
    framesSent += e.packetsOut - (sentBefore[i] ?? 0);
    lost += Math.ceil(s.overflowBytes / FRAME_BYTES) + e.sendErrors + e.unsentNoRemote + s.skippedTicks;
  }
  return { framesSent, lost };
}

/** Frames per call a run of `seconds` should send: the figure to compare framesSent against. */
export function expectedFrames(calls: number, seconds: number): number {
  return calls * Math.floor((seconds * 1000) / FRAME_MS);
}
