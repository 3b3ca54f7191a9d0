// A call's RTP socket. Asterisk's externalMedia channel uses symmetric RTP:
// it sends from the address where it receives (UNICASTRTP_LOCAL_ADDRESS and
// UNICASTRTP_LOCAL_PORT). The endpoint sends there, or, until it is known,
// learns it from the first valid inbound packet; once locked, packets from
// any other source are ignored (logged once), so a stray or spoofed sender
// cannot inject audio into the call.
//
// Once a valid packet has come from the locked remote, the socket is
// connected to it. A connected socket sends without a per-packet address
// lookup (on a 1000-call controller that is 50,000 lookups a second), and the
// kernel itself then drops packets from anyone else. Connecting only after
// the remote has proven itself keeps the warning above for the case that
// matters: Asterisk sending from an address other than the one it announced
// (NAT, a wrong bind address), which would otherwise be silent one-way audio.
// A changed remote disconnects the socket; Linux keeps the local port across
// that only when it was bound explicitly, as PortPool binds it.
import type dgram from 'node:dgram';
import { performance } from 'node:perf_hooks';
import type { InboundStream } from './inbound-stream.ts';
import { parseRtp } from './rtp.ts';

export interface RtpAddress {
  address: string;
  port: number;
}

export interface EndpointLog {
  warn(obj: object, msg: string): void;
}

export interface UdpRtpEndpointOptions {
  socket: dgram.Socket;
  inbound: InboundStream;
  /** Caller audio ready for the model, in order. */
  onAudio: (audio: Buffer) => void;
  /** Asterisk's RTP address when known from the channel variables. */
  remote?: RtpAddress;
  log?: EndpointLog;
}

export interface EndpointCounters {
  packetsIn: number;
  bytesIn: number;
  packetsOut: number;
  bytesOut: number;
  /** Inbound packets older than the last accepted one (or duplicates), dropped. */
  lateFrames: number;
  malformedIn: number;
  /** Packets from a source other than the locked remote. */
  foreignIn: number;
  /** Outbound packets dropped because the remote is not known yet. */
  unsentNoRemote: number;
  /** The socket's 'error' events (an ICMP unreachable from Asterisk's side lands here). */
  sendErrors: number;
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);

type Tie = { state: 'loose' | 'connecting' | 'failed' } | { state: 'connected'; to: string };
const LOOSE: Tie = { state: 'loose' };
const CONNECTING: Tie = { state: 'connecting' };
const FAILED: Tie = { state: 'failed' };

export class UdpRtpEndpoint {
  private readonly socket: dgram.Socket;
  private readonly inbound: InboundStream;
  private readonly onAudio: (audio: Buffer) => void;
  private readonly log: EndpointLog | undefined;
  private remoteAddress: string | undefined;
  private remotePort: number | undefined;
  private warnedForeign = false;
  private closed = false;
  /**
   * Whether the socket is tied to the remote. `failed` is not retried on
   * every packet: sends keep their address instead.
   */
  private tie: Tie = LOOSE;
  private counters: EndpointCounters = {
    packetsIn: 0, bytesIn: 0, packetsOut: 0, bytesOut: 0, lateFrames: 0,
    malformedIn: 0, foreignIn: 0, unsentNoRemote: 0, sendErrors: 0,
  };

  constructor(opts: UdpRtpEndpointOptions) {
    this.socket = opts.socket;
    this.inbound = opts.inbound;
    this.onAudio = opts.onAudio;
    this.log = opts.log;
    if (opts.remote) this.setRemote(opts.remote);
    this.socket.on('message', this.onMessage);
    this.socket.on('error', this.onSocketError);
  }

  /**
   * Locks the remote. A wildcard address (Asterisk bound to 0.0.0.0) fixes
   * only the port; the address is then learnt from the first packet from it.
   */
  setRemote(remote: RtpAddress): void {
    this.remotePort = remote.port;
    this.remoteAddress = WILDCARD.has(remote.address) ? undefined : remote.address;
    // A new remote must prove itself again before the socket is tied to it.
    if (this.tie.state === 'connected' && this.tie.to !== this.target()) this.disconnect();
    else if (this.tie.state === 'failed') this.tie = LOOSE;
  }

  get remote(): RtpAddress | undefined {
    return this.remoteAddress !== undefined && this.remotePort !== undefined
      ? { address: this.remoteAddress, port: this.remotePort }
      : undefined;
  }

  counts(): EndpointCounters {
    return { ...this.counters };
  }

  /** Sends one RTP packet to the remote; false when it could not go. */
  send(packet: Buffer): boolean {
    if (this.closed) return false;
    if (this.remoteAddress === undefined || this.remotePort === undefined) {
      this.counters.unsentNoRemote++;
      return false;
    }
    // No per-packet callback: it would cost a tick per frame, and Node reports
    // a failed send nowhere else, so sends are not checked one by one. What
    // a connected socket learns from ICMP (Asterisk's port gone) still comes
    // as the socket's 'error' event, counted below.
    if (this.tie.state === 'connected') this.socket.send(packet);
    else if (this.tie.state !== 'connecting') this.socket.send(packet, this.remotePort, this.remoteAddress);
    else this.sendWhileConnecting(packet, this.remotePort, this.remoteAddress);
    this.counters.packetsOut++;
    this.counters.bytesOut += packet.length;
    return true;
  }

  /** Stops listening; the socket itself belongs to its port lease. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.off('message', this.onMessage);
    this.socket.off('error', this.onSocketError);
  }

  private readonly onMessage = (msg: Buffer, rinfo: dgram.RemoteInfo): void => {
    if (!this.acceptSource(rinfo)) {
      this.counters.foreignIn++;
      if (!this.warnedForeign) {
        this.warnedForeign = true;
        this.log?.warn({ from: `${rinfo.address}:${rinfo.port}`, expected: this.remote }, 'ignoring RTP from an unexpected source');
      }
      return;
    }
    const packet = parseRtp(msg);
    if (!packet) {
      this.counters.malformedIn++;
      return;
    }
    if (this.remoteAddress === undefined) this.remoteAddress = rinfo.address;
    if (this.remotePort === undefined) this.remotePort = rinfo.port;
    if (this.tie.state === 'loose') this.connect();
    this.counters.packetsIn++;
    this.counters.bytesIn += msg.length;
    const lateBefore = this.inbound.packetsLate;
    const audio = this.inbound.accept(packet, performance.now());
    if (audio) this.onAudio(audio);
    else if (this.inbound.packetsLate > lateBefore) this.counters.lateFrames++;
  };

  private acceptSource(rinfo: dgram.RemoteInfo): boolean {
    if (this.remotePort !== undefined && rinfo.port !== this.remotePort) return false;
    if (this.remoteAddress !== undefined && rinfo.address !== this.remoteAddress) return false;
    return true;
  }

  private target(): string {
    return `${this.remoteAddress}:${this.remotePort}`;
  }

  private connect(): void {
    const address = this.remoteAddress;
    const port = this.remotePort;
    if (address === undefined || port === undefined) return;
    this.tie = CONNECTING;
    try {
      this.socket.connect(port, address, (err?: Error) => {
        if (this.closed) return;
        // On failure, sends keep their address: nothing is lost.
        this.tie = err ? FAILED : { state: 'connected', to: `${address}:${port}` };
        // The remote changed while the connect was under way.
        if (!err && `${address}:${port}` !== this.target()) this.disconnect();
      });
    } catch {
      // Closed by its owner meanwhile: sending with an address still works.
      this.tie = FAILED;
    }
  }

  /** Node marks the socket connected a tick before the connect callback; an addressed send then throws. */
  private sendWhileConnecting(packet: Buffer, port: number, address: string): void {
    try {
      this.socket.send(packet, port, address);
    } catch {
      this.socket.send(packet);
    }
  }

  private disconnect(): void {
    this.tie = LOOSE;
    try {
      this.socket.disconnect();
    } catch {
      // Not connected (or closed): nothing to undo.
    }
  }

  private readonly onSocketError = (): void => {
    // UDP errors (an ICMP unreachable surfacing on the socket) are per packet: count, keep going.
    this.counters.sendErrors++;
  };
}
