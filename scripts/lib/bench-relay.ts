// The whole media relay under load, both directions at once, as N calls on
// one controller process: a peer process plays Asterisk (RTP at 50 frames/s
// to each call's UDP port, and a sink for what comes back) and the Realtime
// server (one WebSocket per call, streaming `response.output_audio.delta` and
// receiving `input_audio_buffer.append`). This process runs the production
// pieces: UdpRtpEndpoint, InboundStream, RealtimeSocket (with its event
// parsing), OutboundStream and the one Pacer.
//
// Inbound added latency is measured end to end by the peer on its own clock:
// each RTP payload carries its send time, and the peer reads it back out of
// the append that relays it (both loopback hops and the peer's own event loop
// are included, so the figure is an upper bound). Outbound added latency is
// measured here: for every frame, from the due time of the tick that sends it
// to its hand-off to the socket.
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { InboundStream, toBase64 } from '../../controller/src/media/inbound-stream.ts';
import { OutboundStream } from '../../controller/src/media/outbound-stream.ts';
import { frameTotals } from '../../controller/src/media/bench-media.ts';
import { Pacer } from '../../controller/src/media/pacer.ts';
import { UdpRtpEndpoint } from '../../controller/src/media/udp-rtp-endpoint.ts';
import { RealtimeSocket } from '../../controller/src/realtime/realtime-socket.ts';
import { inputAudioAppend } from '../../controller/src/realtime/client-events.ts';

export interface RelayResult {
  calls: number;
  seconds: number;
  cpuMsPerCallPerSecond: number;
  rssMbPerCall: number;
  inboundP50Ms: number;
  inboundP99Ms: number;
  outboundP50Ms: number;
  outboundP99Ms: number;
  jitterP99Ms: number;
  lateFrames: number;
  droppedFrames: number;
  appendsReceived: number;
  rtpSent: number;
}

// What the peer runs: one UDP socket that sends RTP (a timestamp in each payload)
// and receives what comes back, as Asterisk does (the relay answers only the
// address it hears from), and a minimal Realtime WebSocket server in the GA event shapes.
const PEER_SOURCE = String.raw`
const dgram = require('node:dgram');
const { WebSocketServer } = require(process.env.WS_PATH);
const now = () => performance.timeOrigin + performance.now();
const sink = dgram.createSocket('udp4');
let received = 0, appends = 0, sent = 0;
const lat = [];
sink.on('message', () => { received++; });
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
const sockets = new Set();
const delta = Buffer.alloc(800, 0xff).toString('base64');
let feedTimer;
wss.on('connection', (ws) => {
  sockets.add(ws);
  ws.on('message', (data) => {
    const text = data.toString();
    if (!text.startsWith('{"type":"input_audio_buffer.append"')) return;
    appends++;
    const audio = Buffer.from(JSON.parse(text).audio, 'base64');
    if (audio.length >= 8 && lat.length < 400000) { const l = now() - audio.readDoubleLE(0); if (l >= 0 && l < 60000) lat.push(l); }
  });
  ws.on('close', () => sockets.delete(ws));
});
let ports = [];
let seq = 0;
let sendTimer;
function startRtp() {
  const payload = Buffer.alloc(172, 0xff);
  payload[0] = 0x80; payload[1] = 0;
  const origin = performance.now();
  let n = 0;
  const tick = () => {
    n++;
    seq = (seq + 1) & 0xffff;
    for (let i = 0; i < ports.length; i++) {
      const p = Buffer.from(payload);
      p.writeUInt16BE(seq, 2); p.writeUInt32BE((n * 160) >>> 0, 4); p.writeUInt32BE(i + 1, 8);
      p.writeDoubleLE(now(), 12);
      sink.send(p, ports[i], '127.0.0.1');
      sent++;
    }
    sendTimer = setTimeout(tick, Math.max(0, origin + n * 20 - performance.now()));
  };
  tick();
  // The model's side: 100 ms of audio per call every 100 ms, in real time.
  feedTimer = setInterval(() => {
    for (const ws of sockets) ws.send(JSON.stringify({ type: 'response.output_audio.delta', event_id: 'e', response_id: 'r', item_id: 'item', output_index: 0, content_index: 0, delta }));
  }, 100);
}
wss.on('listening', () => {
  sink.bind(0, '127.0.0.1', () => {
    try { sink.setRecvBufferSize(16 * 1024 * 1024); } catch {}
    process.send({ wsPort: wss.address().port, sinkPort: sink.address().port });
  });
});
process.on('message', (m) => {
  if (m.type === 'start') { ports = m.ports; startRtp(); }
  if (m.type === 'reset') { lat.length = 0; appends = 0; }
  if (m.type === 'stop') { clearTimeout(sendTimer); clearInterval(feedTimer); }
  if (m.type === 'report') {
    lat.sort((a, b) => a - b);
    const q = (x) => lat.length ? lat[Math.min(lat.length - 1, Math.floor(x * lat.length))] : 0;
    process.send({ received, appends, sent, p50: q(0.5), p99: q(0.99) });
  }
  if (m.type === 'exit') { for (const ws of sockets) ws.terminate(); wss.close(); sink.close(); process.disconnect(); }
});
`;

/** Audio queued before the clock starts, like the first deltas of a response. */
const PREFILL_BYTES = 2_400;
/** Start-up (JIT, first GCs, socket buffers) is not what a running controller does: measured after this. */
const WARMUP_MS = 1_000;
/** Time for the last packets to land before the peer is asked for its counts. */
const DRAIN_MS = 300;
const OUTBOUND_SAMPLES = 400_000;

async function startPeer(): Promise<{ child: ChildProcess; wsPort: number; sinkPort: number }> {
  const child = spawn(process.execPath, ['-e', PEER_SOURCE], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, WS_PATH: import.meta.resolve('ws').replace('file://', '') },
  });
  const [msg] = (await once(child, 'message')) as [{ wsPort: number; sinkPort: number }];
  return { child, ...msg };
}

async function ask<T>(child: ChildProcess, type: string): Promise<T> {
  const reply = once(child, 'message');
  child.send({ type });
  return ((await reply) as [T])[0];
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
}

export async function benchRelay(calls: number, seconds: number): Promise<RelayResult> {
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const peer = await startPeer();
  const pacer = new Pacer();
  const outLat = new Float64Array(OUTBOUND_SAMPLES);
  let outCount = 0;
  // The tick's due time: the pacer runs every stream of a tick from one callback.
  let tickDue = 0;
  const sockets: dgram.Socket[] = [];
  const endpoints: UdpRtpEndpoint[] = [];
  const streams: OutboundStream[] = [];
  const models: RealtimeSocket[] = [];
  try {
    for (let i = 0; i < calls; i++) {
      const socket = dgram.createSocket('udp4');
      await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
      const model = new RealtimeSocket({ url: `ws://127.0.0.1:${peer.wsPort}/v1/realtime`, apiKey: 'bench', model: 'bench' });
      await model.connect();
      const endpoint = new UdpRtpEndpoint({
        socket,
        inbound: new InboundStream({ codec: 'pcmu', startMs: performance.now() }),
        onAudio: (audio) => { model.send(inputAudioAppend(toBase64(audio))); },
        remote: { address: '127.0.0.1', port: peer.sinkPort },
      });
      const stream = new OutboundStream({
        codec: 'pcmu',
        send: (packet) => {
          endpoint.send(packet);
          if (outCount < OUTBOUND_SAMPLES) outLat[outCount++] = performance.now() - tickDue;
        },
      });
      stream.append('item', Buffer.alloc(PREFILL_BYTES, 0xff));
      model.onEvent((e) => { if (e.type === 'response.output_audio.delta') stream.appendBase64(e.item_id, e.delta); });
      sockets.push(socket);
      endpoints.push(endpoint);
      streams.push(stream);
      models.push(model);
    }
    const ports = sockets.map((s) => s.address().port);
    peer.child.send({ type: 'start', ports });
    // First in the tick: note its due time before any stream sends.
    // Registered first, so it runs first in every tick: it notes the tick's due time, which the
    // streams' send times are measured against.
    pacer.register({ tick: (_now, due) => { tickDue = due; } });
    for (const stream of streams) pacer.register(stream);
    await sleep(WARMUP_MS);
    pacer.resetStats();
    outCount = 0;
    const countsAtStart = endpoints.map((e) => e.counts().packetsOut);
    const receivedAtStart = (await ask<{ received: number }>(peer.child, 'report')).received;
    peer.child.send({ type: 'reset' });
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    await sleep(seconds * 1000);
    peer.child.send({ type: 'stop' });
    pacer.stop();
    const cpu = process.cpuUsage(cpuStart);
    const wallSeconds = (performance.now() - wallStart) / 1000;
    const rssAfter = process.memoryUsage().rss;
    await sleep(DRAIN_MS);
    const report = await ask<{ received: number; appends: number; sent: number; p50: number; p99: number }>(peer.child, 'report');
    const stats = pacer.stats();
    const { framesSent, lost } = frameTotals(streams, endpoints, countsAtStart);
    const out = outLat.subarray(0, outCount).sort();
    return {
      calls, seconds,
      cpuMsPerCallPerSecond: (cpu.user + cpu.system) / 1000 / calls / wallSeconds,
      rssMbPerCall: Math.max(0, rssAfter - rssBefore) / 1024 / 1024 / calls,
      inboundP50Ms: report.p50, inboundP99Ms: report.p99,
      outboundP50Ms: percentile(out, 0.5), outboundP99Ms: percentile(out, 0.99),
      jitterP99Ms: stats.latenessP99Ms,
      lateFrames: stats.catchUpTicks * calls,
      droppedFrames: lost + Math.max(0, framesSent - (report.received - receivedAtStart)),
      appendsReceived: report.appends,
      rtpSent: report.sent,
    };
  } finally {
    pacer.stop();
    await Promise.allSettled(models.map((m) => m.close('bench over')));
    for (const endpoint of endpoints) endpoint.close();
    for (const socket of sockets) socket.close();
    if (peer.child.connected) peer.child.send({ type: 'exit' });
    else peer.child.kill();
  }
}
