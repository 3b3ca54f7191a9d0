// One externalMedia leg: a UDP port, the externalMedia channel in the call's
// bridge, and the streams that turn RTP into model audio and back. A transfer
// tears it down; a failed transfer opens a new one.
import type { AriOps } from '../ari/ari-ops.ts';
import type { Pacer, PacedStream } from '../media/pacer.ts';
import type { PortLease, PortPool } from '../media/port-pool.ts';
import { InboundStream, toBase64 } from '../media/inbound-stream.ts';
import { OutboundStream } from '../media/outbound-stream.ts';
import { UdpRtpEndpoint } from '../media/udp-rtp-endpoint.ts';
import type { G711Codec } from '../media/g711.ts';

export interface MediaLegDeps {
  ari: AriOps;
  pacer: Pacer;
  ports: PortPool;
  app: string;
  /** The address Asterisk sends our RTP to (reachable from Asterisk). */
  advertiseHost: string;
  log: { warn(obj: object, msg: string): void };
}

export class MediaLeg implements PacedStream {
  private closed = false;

  private constructor(
    private readonly deps: MediaLegDeps,
    readonly channelId: string,
    readonly outbound: OutboundStream,
    private readonly inbound: InboundStream,
    private readonly endpoint: UdpRtpEndpoint,
    private readonly lease: PortLease,
    private readonly onAudio: (base64: string) => void,
  ) {}

  /** Opens the port, creates the externalMedia channel and bridges it; audio flows once this resolves. */
  static async open(deps: MediaLegDeps, o: { bridgeId: string; bridgeReady?: Promise<void>; channelId: string; codec: G711Codec; onAudio: (base64: string) => void }): Promise<MediaLeg> {
    const lease = await deps.ports.acquire();
    let created = false;
    try {
      const inbound = new InboundStream({ codec: o.codec, startMs: performance.now() });
      const endpoint = new UdpRtpEndpoint({ socket: lease.socket, inbound, onAudio: (audio) => o.onAudio(toBase64(audio)), log: deps.log });
      const outbound = new OutboundStream({ codec: o.codec, send: (packet) => { endpoint.send(packet); } });
      const em = await deps.ari.externalMedia({
        channelId: o.channelId, app: deps.app, externalHost: `${deps.advertiseHost}:${lease.port}`, format: o.codec === 'pcma' ? 'alaw' : 'ulaw',
      });
      // Asterisk sends from, and listens on, UNICASTRTP_LOCAL_*: knowing it now means our first frame is not lost.
      created = true;
      if (em.rtpAddress && em.rtpPort) endpoint.setRemote({ address: em.rtpAddress, port: em.rtpPort });
      // Created while the caller was being answered; it joins once the bridge exists.
      await o.bridgeReady;
      await deps.ari.addToBridge(o.bridgeId, [em.id]);
      const leg = new MediaLeg(deps, em.id, outbound, inbound, endpoint, lease, o.onAudio);
      deps.pacer.register(leg);
      return leg;
    } catch (err) {
      lease.release();
      // A leg that never joined is hung up, not left open in Asterisk.
      if (created) await deps.ari.hangup(o.channelId).catch(() => undefined);
      throw err;
    }
  }

  /** One pacer tick: one frame out, and silence in when the caller's line is quiet (for the model's VAD). */
  tick(nowMs: number): void {
    if (this.closed) return;
    this.outbound.tick();
    const silence = this.inbound.takeSilence(nowMs);
    if (silence) this.onAudio(toBase64(silence));
  }

  skip(intervals: number): void {
    this.outbound.skip(intervals);
  }

  counters() {
    return { ...this.endpoint.counts(), outbound: this.outbound.stats() };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.deps.pacer.unregister(this);
    this.endpoint.close();
    this.lease.release();
    await this.deps.ari.hangup(this.channelId);
  }
}
