// The UDP side of one externalMedia (UnicastRTP) channel: it receives the
// controller's RTP on UNICASTRTP_LOCAL_PORT and sends the bridge's audio to
// external_host, from one SSRC, as Asterisk's res_rtp_asterisk does.
import { createSocket, type Socket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import { packRtp, parseRtp, PAYLOAD_TYPE, SAMPLES_PER_FRAME, type G711Format, type RtpPacket } from './rtp-packet.ts';

export interface ReceivedRtp extends RtpPacket {
  /** performance.now() at arrival, to measure the sender's pacing. */
  at: number;
  from: { address: string; port: number };
}

export class RtpPeer {
  private sequence = randomInt(0, 0x10000);
  private timestamp = randomInt(0, 0x100000000);
  private readonly ssrc = randomInt(1, 0x100000000);
  /** The next packet starts a talkspurt (after silence, or first). */
  private talkspurt = true;
  packetsSent = 0;

  private constructor(
    private readonly socket: Socket,
    readonly localAddress: string,
    readonly localPort: number,
    readonly remote: { host: string; port: number },
    readonly format: G711Format,
  ) {}

  static async open(remote: { host: string; port: number }, format: G711Format, onPacket: (p: ReceivedRtp) => void): Promise<RtpPeer> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => {
        socket.off('error', reject);
        resolve();
      });
    });
    const peer = new RtpPeer(socket, '127.0.0.1', socket.address().port, remote, format);
    socket.on('message', (datagram, rinfo) => {
      const packet = parseRtp(datagram);
      if (packet) onPacket({ ...packet, at: performance.now(), from: { address: rinfo.address, port: rinfo.port } });
    });
    // A closed far end (ICMP port unreachable) must not crash the fake.
    socket.on('error', () => undefined);
    return peer;
  }

  /** One clock tick: the RTP clock advances whether or not audio is sent. */
  tick(payload: Buffer | undefined): void {
    if (payload) {
      const datagram = packRtp({
        marker: this.talkspurt,
        payloadType: PAYLOAD_TYPE[this.format],
        sequence: this.sequence,
        timestamp: this.timestamp,
        ssrc: this.ssrc,
        payload,
      });
      this.socket.send(datagram, this.remote.port, this.remote.host);
      this.sequence = (this.sequence + 1) & 0xffff;
      this.packetsSent += 1;
    }
    this.talkspurt = payload === undefined;
    this.timestamp = (this.timestamp + SAMPLES_PER_FRAME) >>> 0;
  }

  close(): void {
    try {
      this.socket.close();
    } catch {
      // already closed
    }
  }
}
