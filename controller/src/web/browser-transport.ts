// A test call from the dashboard: the restaurateur's microphone and speaker
// over one WebSocket instead of a phone line. Audio is G.711 µ-law both ways,
// so the model sees exactly what a phone call gives it, and the agent's voice
// leaves on the same 20 ms clock as RTP, so barge-in truncates at what was
// really sent.
import type { WebSocket } from 'ws';
import type { BrowserServerMessage } from '../../../api/src/contract/test-call.ts';
import type { G711Codec } from '../media/g711.ts';
import { OutboundStream } from '../media/outbound-stream.ts';
import type { Pacer, PacedStream } from '../media/pacer.ts';
import { RTP_HEADER_BYTES } from '../media/rtp.ts';
import type { CallMedia, CallTransport } from '../call/transport.ts';

/** A browser frame larger than this is not microphone audio (200 ms of G.711). */
export const MAX_BROWSER_FRAME_BYTES = 1_600;
/**
 * A socket holding more than this unsent (about 4 s of audio) belongs to a
 * browser that stopped reading: frames are dropped rather than queued without end.
 */
export const MAX_BROWSER_BUFFERED_BYTES = 32_000;

class BrowserMedia implements CallMedia, PacedStream {
  readonly outbound: OutboundStream;
  private closed = false;
  droppedFrames = 0;

  constructor(private readonly ws: WebSocket, private readonly pacer: Pacer, codec: G711Codec, private readonly onAudio: (base64: string) => void) {
    this.outbound = new OutboundStream({
      codec,
      send: (packet) => {
        if (ws.readyState !== ws.OPEN) return;
        if (ws.bufferedAmount > MAX_BROWSER_BUFFERED_BYTES) { this.droppedFrames++; return; }
        // The packet buffer is reused a few sends later: the socket gets its own copy of the payload.
        ws.send(Buffer.from(packet.subarray(RTP_HEADER_BYTES)), { binary: true });
      },
    });
    pacer.register(this);
  }

  receive(audio: Buffer): void {
    if (this.closed || audio.length === 0 || audio.length > MAX_BROWSER_FRAME_BYTES) return;
    this.onAudio(audio.toString('base64'));
  }

  tick(): void {
    if (!this.closed) this.outbound.tick();
  }

  skip(intervals: number): void {
    this.outbound.skip(intervals);
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.pacer.unregister(this);
    }
    return Promise.resolve();
  }
}

export class BrowserTransport implements CallTransport {
  readonly kind = 'browser';
  readonly transfer = null;
  private media: BrowserMedia | undefined;

  constructor(readonly id: string, private readonly ws: WebSocket, readonly restaurantId: string, private readonly pacer: Pacer) {}

  sessionRequest() {
    return { restaurantId: this.restaurantId, channelId: this.id, test: true, callerNumber: null };
  }

  owns(channelId: string): boolean {
    return channelId === this.id;
  }

  answer(): Promise<void> {
    return Promise.resolve();
  }

  openMedia(codec: G711Codec, onAudio: (base64: string) => void): Promise<CallMedia> {
    void this.media?.close();
    this.media = new BrowserMedia(this.ws, this.pacer, codec, onAudio);
    return Promise.resolve(this.media);
  }

  /** Microphone audio from the page. */
  receive(audio: Buffer): void {
    this.media?.receive(audio);
  }

  record(): Promise<null> {
    return Promise.resolve(null);
  }

  hangup(): Promise<void> {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(1000, 'call ended');
    return Promise.resolve();
  }

  /** The page's hang-up leaves the socket open until the call record is done; then it closes. */
  async release(): Promise<void> {
    await this.media?.close();
    await this.hangup();
  }

  notify(message: BrowserServerMessage): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(message));
  }
}
