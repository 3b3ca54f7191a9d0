// A call's RTP socket. Asterisk's externalMedia channel uses symmetric RTP:
// it sends from the address where it receives (UNICASTRTP_LOCAL_ADDRESS and
// UNICASTRTP_LOCAL_PORT). The endpoint sends there, or, until it is known,
// learns it from the first valid inbound packet; once locked, packets from
// any other source are ignored (logged once), so a stray or spoofed sender
// cannot inject audio into the call.
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
  sendErrors: number;
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);

export class UdpRtpEndpoint {
  private readonly socket: dgram.Socket;
  private readonly inbound: InboundStream;
  private readonly onAudio: (audio: Buffer) => void;
  private readonly log: EndpointLog | undefined;
  private remoteAddress: string | undefined;
  private remotePort: number | undefined;
  private warnedForeign = false;
  private closed = false;
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
    this.socket.send(packet, this.remotePort, this.remoteAddress, this.onSent);
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

  private readonly onSent = (err: Error | null): void => {
    if (err) this.counters.sendErrors++;
  };

  private readonly onSocketError = (): void => {
    // UDP errors (an ICMP unreachable surfacing on the socket) are per packet: count, keep going.
    this.counters.sendErrors++;
  };
}
