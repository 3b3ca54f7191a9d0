// A caller on the phone: their ARI channel, the call's mixing bridge, and an
// externalMedia leg (RTP over UDP) while the model is on the line.
import type { AriChannel } from '../ari/ari-events.ts';
import type { AriOps } from '../ari/ari-ops.ts';
import type { G711Codec } from '../media/g711.ts';
import { MediaLeg, type MediaLegDeps } from './media-leg.ts';
import type { CallMedia, CallTransport, TransferOps } from './transport.ts';

/** What every rendered endpoint allows (`!all,alaw,ulaw`). */
const TRANSFER_FORMATS = 'alaw,ulaw';

export class PhoneTransport implements CallTransport {
  readonly kind = 'phone';
  readonly transfer: TransferOps;
  private readonly bridgeId: string;
  private leg: MediaLeg | undefined;
  /** Settles once the caller is answered and the bridge exists: the media leg joins it then. */
  private bridgeReady: Promise<void> | undefined;

  constructor(
    private readonly ari: AriOps,
    private readonly media: MediaLegDeps,
    readonly caller: AriChannel,
    private readonly did: string,
  ) {
    this.bridgeId = `vo-bridge-${caller.id}`;
    const app = media.app;
    this.transfer = {
      ring: (on) => ari.ring(caller.id, on),
      // Without formats ARI requests every audio format: a Local/ channel then cannot be made
      // compatible with the trunk and its Dial() fails at once (CONGESTION, seen on Asterisk 22).
      originate: (o) => ari.originate({
        channelId: o.legId, endpoint: o.endpoint, app, appArgs: `transfer,${caller.id}`, callerId: o.callerId, timeoutS: o.timeoutS,
        formats: TRANSFER_FORMATS,
      }),
      join: (legId) => ari.addToBridge(this.bridgeId, [legId]),
      hangupLeg: (legId) => ari.hangup(legId),
    };
  }

  get id(): string {
    return this.caller.id;
  }

  sessionRequest() {
    return { did: this.did, callerNumber: this.caller.caller.number || null, channelId: this.caller.id, test: false };
  }

  owns(channelId: string): boolean {
    return channelId === this.caller.id || channelId === this.leg?.channelId;
  }

  /**
   * Answering and creating the bridge do not depend on each other: one round
   * trip to Asterisk instead of two. Set before the first await, so an
   * openMedia() started right after can wait for the bridge.
   */
  async answer(): Promise<void> {
    this.bridgeReady = Promise.all([this.ari.answer(this.caller.id), this.ari.createBridge(this.bridgeId)]).then(() => undefined);
    await this.bridgeReady;
    await this.ari.addToBridge(this.bridgeId, [this.caller.id]);
  }

  async openMedia(codec: G711Codec, onAudio: (base64: string) => void): Promise<CallMedia> {
    const leg = await MediaLeg.open(this.media, {
      bridgeId: this.bridgeId, bridgeReady: this.bridgeReady ?? Promise.resolve(), channelId: `vo-media-${this.caller.id}-${Date.now().toString(36)}`, codec, onAudio,
    });
    this.leg = leg;
    return leg;
  }

  async record(name: string): Promise<string> {
    await this.ari.record(this.bridgeId, name);
    return `${name}.wav`;
  }

  async hangup(): Promise<void> {
    await this.ari.hangup(this.caller.id);
  }

  async release(): Promise<void> {
    await this.ari.destroyBridge(this.bridgeId);
  }

  notify(): void {}
}
