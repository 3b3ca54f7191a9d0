// The fake Asterisk's state: channels, bridges, recordings, and how each is
// shown on the wire. Behaviour lives in channel-ops.ts and bridge-ops.ts.
import { randomBytes } from 'node:crypto';
import type { EventHub } from './events.ts';
import {
  ariTimestamp, type AriEventFields, type AriEventType, type Bridge, type CallerID, type Channel, type ChannelState,
  type DialplanCEP, type LiveRecording,
} from './models.ts';
import type { G711Format } from './rtp-packet.ts';
import type { ReceivedRtp, RtpPeer } from './rtp-peer.ts';

export type ChannelKind = 'caller' | 'originated' | 'externalMedia';

export interface FakeChannel {
  id: string;
  kind: ChannelKind;
  name: string;
  protocolId: string;
  state: ChannelState;
  caller: CallerID;
  connected: CallerID;
  dialplan: DialplanCEP;
  creationtime: string;
  channelvars: Record<string, string> | undefined;
  vars: Map<string, string>;
  /** The app it is in (Stasis), or undefined outside Stasis. */
  stasisApp: string | undefined;
  /** The app that gets its events: set before StasisStart for originated channels. */
  eventApp: string;
  bridgeId: string | undefined;
  codec: G711Format;
  ringing: boolean;
  moh: string | undefined;
  /** Linear 20 ms frames the party will say, one per clock tick. */
  speech: Int16Array[];
  /** RTP the controller sent towards this party through an externalMedia channel. */
  heard: ReceivedRtp[];
  rtp: RtpPeer | undefined;
}

export interface FakeBridge {
  id: string;
  name: string;
  types: string[];
  creationtime: string;
  channels: string[];
  /** Apps subscribed to the bridge: those whose channels entered it. */
  apps: Set<string>;
  moh: string | undefined;
  recording: string | undefined;
}

export interface FakeRecording {
  live: LiveRecording;
  bridgeId: string;
  startedAt: number;
  maxTimer: NodeJS.Timeout | undefined;
  terminateOn: string;
}

export class AriWorld {
  readonly channels = new Map<string, FakeChannel>();
  /** Channels that are gone, still readable by tests (what a party heard). */
  readonly destroyed = new Map<string, FakeChannel>();
  readonly bridges = new Map<string, FakeBridge>();
  readonly recordings = new Map<string, FakeRecording>();
  /** Names on "disk": they survive the calls, and a restart. */
  readonly storedRecordings = new Set<string>();
  /** RTP that reached an externalMedia channel before its bridge was complete: dropped, as Asterisk does. */
  droppedRtp = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private channelSeq = 0;
  private readonly epoch = Math.floor(Date.now() / 1000);

  constructor(readonly hub: EventHub, readonly now: () => Date) {}

  /** Asterisk's unique ids: `<epoch seconds>.<sequence>`. */
  nextChannelId(): string {
    return `${this.epoch}.${this.channelSeq}`;
  }

  /** chan_pjsip's name suffix: 8 hex digits, counting up. */
  nextChannelSuffix(): string {
    this.channelSeq += 1;
    return this.channelSeq.toString(16).padStart(8, '0');
  }

  pointerHex(): string {
    return `0x${randomBytes(6).toString('hex').replace(/^0+/, '')}`;
  }

  timestamp(): string {
    return ariTimestamp(this.now());
  }

  channelJson(ch: FakeChannel): Channel {
    return {
      id: ch.id,
      name: ch.name,
      state: ch.state,
      protocol_id: ch.protocolId,
      caller: { ...ch.caller },
      connected: { ...ch.connected },
      accountcode: '',
      dialplan: { ...ch.dialplan },
      creationtime: ch.creationtime,
      language: 'en',
      ...(ch.channelvars ? { channelvars: { ...ch.channelvars } } : {}),
    };
  }

  bridgeJson(b: FakeBridge): Bridge {
    return {
      id: b.id,
      technology: 'simple_bridge',
      bridge_type: 'mixing',
      bridge_class: 'stasis',
      creator: 'Stasis',
      name: b.name,
      channels: [...b.channels],
      creationtime: b.creationtime,
      video_mode: 'talker',
    };
  }

  emitForChannel<K extends AriEventType>(ch: FakeChannel, type: K, fields: AriEventFields[K]): void {
    this.hub.emit([ch.eventApp], type, fields);
  }

  emitForBridge<K extends AriEventType>(b: FakeBridge, type: K, fields: AriEventFields[K]): void {
    this.hub.emit(b.apps, type, fields);
  }

  channel(id: string): FakeChannel | undefined {
    return this.channels.get(id);
  }

  later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  /** Everything goes, without events: what an Asterisk restart does to calls. */
  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const rec of this.recordings.values()) if (rec.maxTimer) clearTimeout(rec.maxTimer);
    for (const ch of this.channels.values()) ch.rtp?.close();
    this.channels.clear();
    this.bridges.clear();
    this.recordings.clear();
  }
}
