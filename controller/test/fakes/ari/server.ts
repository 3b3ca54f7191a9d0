// A fake Asterisk 22 for the controller's tests, speaking ARI's real wire
// protocol (HTTP, the events WebSocket, RTP over UDP) on 127.0.0.1. Tests
// script the far ends with plain methods: a call arrives, the caller speaks,
// presses a key, hangs up; an outbound leg answers or not.
import { randomBytes } from 'node:crypto';
import { dtmf, enterStasis, hangup, requireChannel, addChannel } from './channel-ops.ts';
import { EventHub } from './events.ts';
import { startAriHttp, type AriHttp, type RequestLogEntry } from './http-server.ts';
import { MediaClock, mediaTick } from './media.ts';
import { ariTimestamp, HANGUP_CAUSES, type AriEvent, type AriEventType, type Bridge, type Channel, type LiveRecording } from './models.ts';
import type { OriginateBehaviour, OriginateRule } from './originate.ts';
import { Router } from './router.ts';
import { asteriskRoutes } from './routes-asterisk.ts';
import { bridgeRoutes } from './routes-bridges.ts';
import { channelRoutes } from './routes-channels.ts';
import { framesOf, toneFrames, type G711Format } from './rtp-packet.ts';
import type { ReceivedRtp } from './rtp-peer.ts';
import { loadAriDocs, type AriDocs } from './swagger.ts';
import { AriWorld, type FakeChannel } from './world.ts';

/** How long a restart keeps Asterisk unreachable unless the test says otherwise. */
export const DEFAULT_RESTART_DOWN_MS = 1500;
/** A key press as a phone sends it. */
const DEFAULT_DTMF_MS = 100;

export interface FakeAriOptions {
  username?: string;
  password?: string;
  /** PJSIP endpoints configured on this Asterisk. */
  endpoints?: string[];
  /** The dialplan context inbound calls come through. */
  inboundContext?: string;
  docs?: AriDocs;
}

export interface StartCallOptions {
  did: string;
  callerNumber: string;
  callerName?: string;
  endpoint?: string;
  codec?: G711Format;
  /** Stasis app named in the dialplan; `voiceorder` as in ours. */
  app?: string;
}

export interface FakeAriState {
  channels: (Channel & { kind: FakeChannel['kind']; bridgeId: string | undefined; inStasis: boolean; ringing: boolean; moh: string | undefined })[];
  bridges: (Bridge & { moh: string | undefined; recording: string | undefined })[];
  recordings: LiveRecording[];
  droppedRtp: number;
}

export class FakeAri {
  readonly requests: RequestLogEntry[] = [];
  private readonly rules: OriginateRule[] = [];
  private down = false;
  private http: AriHttp | undefined;
  readonly asteriskId = [...randomBytes(6)].map((b) => b.toString(16).padStart(2, '0')).join(':');
  readonly hub = new EventHub(this.asteriskId, () => new Date());
  private readonly world = new AriWorld(this.hub, () => new Date());
  private readonly clock = new MediaClock(() => mediaTick(this.world));
  readonly router: Router;
  readonly username: string;
  readonly password: string;
  private readonly endpoints: Set<string>;
  private readonly context: string;

  private constructor(readonly docs: AriDocs, options: FakeAriOptions) {
    this.username = options.username ?? 'voiceorder';
    this.password = options.password ?? 'secret';
    this.endpoints = new Set(options.endpoints ?? ['ovh-trunk', 'ht841-fxs-1', 'ht841-fxs-2']);
    this.context = options.inboundContext ?? 'from-trunk';
    this.router = new Router([
      ...channelRoutes({ knownEndpoints: this.endpoints, originateRules: this.rules }),
      ...bridgeRoutes(),
      ...asteriskRoutes({ asteriskId: this.asteriskId, startedAt: new Date(), knownEndpoints: this.endpoints, timestamp: ariTimestamp }),
    ], docs);
  }

  static async start(options: FakeAriOptions = {}): Promise<FakeAri> {
    const fake = new FakeAri(options.docs ?? (await loadAriDocs()), options);
    fake.http = await startAriHttp({
      docs: fake.docs, router: fake.router, world: fake.world, hub: fake.hub, username: fake.username,
      password: fake.password, requests: fake.requests, isDown: () => fake.down,
    });
    fake.clock.start();
    return fake;
  }

  /** `http://127.0.0.1:PORT`, what ari-client's connect() takes. */
  get url(): string {
    return `http://127.0.0.1:${this.http?.port ?? 0}`;
  }

  /** Every event sent on the WebSocket, in order. */
  get events(): readonly AriEvent[] {
    return this.hub.sent;
  }

  /** A call reaches Stasis(app,DID) on a PJSIP channel, not yet answered. Returns the channel id. */
  startCall(o: StartCallOptions): string {
    const app = o.app ?? 'voiceorder';
    if (!this.hub.isRegistered(app)) throw new Error(`Stasis app '${app}' is not registered: Asterisk would drop this call`);
    const endpoint = o.endpoint ?? 'ovh-trunk';
    const ch = addChannel(this.world, {
      kind: 'caller', name: `PJSIP/${endpoint}-${this.world.nextChannelSuffix()}`, state: 'Ring',
      caller: { name: o.callerName ?? '', number: o.callerNumber }, connected: { name: '', number: '' },
      dialplan: { context: this.context, exten: o.did, priority: 1, app_name: 'Stasis', app_data: '' },
      eventApp: app, codec: o.codec ?? 'ulaw',
    });
    enterStasis(this.world, ch, app, [o.did]);
    return ch.id;
  }

  /**
   * The party says something: linear 8 kHz samples (one buffer or 20 ms frames), or `ms` of a 440 Hz tone
   * (`tone: false` sends digital silence, still as RTP). Audio goes out only
   * while the channel is bridged with an externalMedia channel.
   */
  callerSpeaks(channelId: string, audio: Int16Array | Int16Array[] | { ms: number; tone?: boolean }): void {
    const ch = this.party(channelId);
    if (audio instanceof Int16Array) ch.speech.push(...framesOf(audio));
    else if (Array.isArray(audio)) ch.speech.push(...audio.flatMap((frame) => framesOf(frame)));
    else ch.speech.push(...toneFrames(audio.ms, audio.tone ?? true));
  }

  /** What the controller sent towards this party, packet by packet, and the G.711 bytes end to end. */
  callerAudioReceived(channelId: string): { packets: ReceivedRtp[]; bytes: Buffer } {
    const ch = this.world.channel(channelId) ?? this.world.destroyed.get(channelId);
    if (!ch) throw new Error(`no such channel: ${channelId}`);
    return { packets: [...ch.heard], bytes: Buffer.concat(ch.heard.map((p) => p.payload)) };
  }

  pressDtmf(channelId: string, digit: string, durationMs = DEFAULT_DTMF_MS): void {
    dtmf(this.world, this.party(channelId), digit, durationMs);
  }

  callerHangsUp(channelId: string): void {
    const ch = this.party(channelId);
    hangup(this.world, ch, HANGUP_CAUSES.normal, false);
  }

  /** How endpoints matching the pattern (the originate `endpoint` string) respond, after `afterMs`. */
  setOriginateBehaviour(endpointPattern: string | RegExp, behaviour: OriginateBehaviour, afterMs: number): void {
    this.rules.unshift({ pattern: endpointPattern, behaviour, afterMs });
  }

  /** Asterisk restarts: the WebSocket drops, calls vanish, connections are refused for `downMs`. */
  async restart(downMs = DEFAULT_RESTART_DOWN_MS): Promise<void> {
    this.down = true;
    this.http?.dropAll();
    this.world.reset();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.down = false;
  }

  /** Resolves with the first event (already sent or to come) of that type matching the predicate. */
  async waitForEvent<T extends AriEventType>(
    type: T, match: (e: Extract<AriEvent, { type: T }>) => boolean = () => true, timeoutMs = 2000,
  ): Promise<Extract<AriEvent, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.hub.sent.find((e): e is Extract<AriEvent, { type: T }> => e.type === type && match(e as Extract<AriEvent, { type: T }>));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`fake ARI: no ${type} event within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  state(): FakeAriState {
    const w = this.world;
    return {
      channels: [...w.channels.values()].map((ch) => ({
        ...w.channelJson(ch), kind: ch.kind, bridgeId: ch.bridgeId, inStasis: ch.stasisApp !== undefined, ringing: ch.ringing, moh: ch.moh,
      })),
      bridges: [...w.bridges.values()].map((b) => ({ ...w.bridgeJson(b), moh: b.moh, recording: b.recording })),
      recordings: [...w.recordings.values()].map((r) => ({ ...r.live })),
      droppedRtp: w.droppedRtp,
    };
  }

  async close(): Promise<void> {
    this.clock.stop();
    this.world.reset();
    await this.http?.close();
  }

  private party(channelId: string): FakeChannel {
    const ch = requireChannel(this.world, channelId);
    if (ch.kind === 'externalMedia') throw new Error(`${channelId} is an externalMedia channel, not a party`);
    return ch;
  }
}
