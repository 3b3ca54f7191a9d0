// What happens to channels: inbound calls entering Stasis, answer, hangup,
// originate, externalMedia, variables; each with the events Asterisk emits.
import { randomUUID } from 'node:crypto';
import { dtmfInBridge, leaveBridge } from './bridge-ops.ts';
import type { CallerID, HangupCause } from './models.ts';
import { AriHttpError } from './router.ts';
import type { G711Format } from './rtp-packet.ts';
import { RtpPeer, type ReceivedRtp } from './rtp-peer.ts';
import type { AriWorld, FakeChannel } from './world.ts';

export function requireChannel(world: AriWorld, id: string | undefined, status = 404): FakeChannel {
  const ch = id === undefined ? undefined : world.channel(id);
  if (!ch) throw new AriHttpError(status, 'Channel not found');
  return ch;
}

export function requireInStasis(ch: FakeChannel): void {
  if (!ch.stasisApp) throw new AriHttpError(409, 'Channel not in Stasis application');
}

interface NewChannel {
  id?: string | undefined;
  kind: FakeChannel['kind'];
  name: string;
  state: FakeChannel['state'];
  caller: CallerID;
  connected?: CallerID;
  dialplan: FakeChannel['dialplan'];
  eventApp: string;
  codec: G711Format;
}

export function addChannel(world: AriWorld, spec: NewChannel): FakeChannel {
  const id = spec.id ?? world.nextChannelId();
  if (world.channels.has(id)) throw new AriHttpError(409, 'Channel with given unique ID already exists');
  const ch: FakeChannel = {
    id, kind: spec.kind, name: spec.name, state: spec.state, caller: spec.caller,
    connected: spec.connected ?? { name: '', number: '' }, dialplan: spec.dialplan,
    protocolId: spec.kind === 'externalMedia' ? '' : `${randomUUID()}@127.0.0.1`,
    creationtime: world.timestamp(), channelvars: undefined, vars: new Map(), stasisApp: undefined,
    eventApp: spec.eventApp, bridgeId: undefined, codec: spec.codec, ringing: false, moh: undefined,
    speech: [], heard: [], rtp: undefined,
  };
  world.channels.set(id, ch);
  return ch;
}

export function enterStasis(world: AriWorld, ch: FakeChannel, app: string, args: string[]): void {
  ch.stasisApp = app;
  ch.eventApp = app;
  ch.dialplan = { ...ch.dialplan, app_name: 'Stasis', app_data: [app, ...args].join(',') };
  world.emitForChannel(ch, 'StasisStart', { args, channel: world.channelJson(ch) });
}

export function setState(world: AriWorld, ch: FakeChannel, state: FakeChannel['state']): void {
  if (ch.state === state) return;
  ch.state = state;
  world.emitForChannel(ch, 'ChannelStateChange', { channel: world.channelJson(ch) });
}

export function answer(world: AriWorld, ch: FakeChannel): void {
  ch.ringing = false;
  setState(world, ch, 'Up');
}

/** AST_SOFTHANGUP_EXPLICIT: what a soft ChannelHangupRequest carries as `cause`, a flag and not a Q.850 cause. */
const SOFTHANGUP_EXPLICIT = 0x20;

/**
 * The end of a channel as Asterisk reports it: the hangup request, leaving
 * its bridge, StasisEnd, then ChannelDestroyed. `soft` marks a hangup asked
 * through ARI (ast_softhangup) rather than by the far end. Seen on Asterisk 22:
 * a BYE gives a request with no cause at all, and an ARI hangup one with
 * `cause: 32, soft: true`; only ChannelDestroyed carries the Q.850 cause.
 */
export function hangup(world: AriWorld, ch: FakeChannel, cause: HangupCause, soft: boolean): void {
  world.emitForChannel(ch, 'ChannelHangupRequest', { ...(soft ? { cause: SOFTHANGUP_EXPLICIT, soft: true } : {}), channel: world.channelJson(ch) });
  destroy(world, ch, cause);
}

/** Without a hangup request: an originated leg that failed (busy, no answer). */
export function destroy(world: AriWorld, ch: FakeChannel, cause: HangupCause): void {
  if (!world.channels.has(ch.id)) return;
  leaveBridge(world, ch);
  if (ch.stasisApp) world.emitForChannel(ch, 'StasisEnd', { channel: world.channelJson(ch) });
  ch.stasisApp = undefined;
  world.channels.delete(ch.id);
  world.destroyed.set(ch.id, ch);
  ch.rtp?.close();
  world.emitForChannel(ch, 'ChannelDestroyed', { cause: cause.code, cause_txt: cause.text, channel: world.channelJson(ch) });
}

export function setVariable(world: AriWorld, ch: FakeChannel, variable: string, value: string): void {
  ch.vars.set(variable, value);
  world.emitForChannel(ch, 'ChannelVarset', { variable, value, channel: world.channelJson(ch) });
}

/** Variables, and the few dialplan functions a controller might read. */
export function readVariable(ch: FakeChannel, variable: string): string | undefined {
  switch (variable) {
    case 'CALLERID(num)': return ch.caller.number;
    case 'CALLERID(name)': return ch.caller.name;
    case 'CHANNEL(name)': return ch.name;
    case 'UNIQUEID': return ch.id;
    default: return ch.vars.get(variable) ?? ch.channelvars?.[variable];
  }
}

export interface ExternalMediaSpec {
  app: string;
  channelId: string | undefined;
  host: string;
  port: number;
  format: G711Format;
  variables: Record<string, string>;
}

export async function createExternalMedia(world: AriWorld, spec: ExternalMediaSpec): Promise<FakeChannel> {
  if (spec.channelId !== undefined && world.channels.has(spec.channelId)) {
    throw new AriHttpError(409, 'Channel with given unique ID already exists');
  }
  const id = spec.channelId ?? world.nextChannelId();
  world.nextChannelSuffix();
  const rtp = await RtpPeer.open({ host: spec.host, port: spec.port }, spec.format, (packet) => onControllerRtp(world, id, packet));
  const ch = addChannel(world, {
    id, kind: 'externalMedia', name: `UnicastRTP/${spec.host}:${spec.port}-${world.pointerHex()}`, state: 'Down',
    caller: { name: '', number: '' }, eventApp: spec.app, codec: spec.format,
    dialplan: { context: 'default', exten: 's', priority: 1, app_name: '', app_data: '' },
  });
  ch.rtp = rtp;
  ch.channelvars = { UNICASTRTP_LOCAL_ADDRESS: rtp.localAddress, UNICASTRTP_LOCAL_PORT: String(rtp.localPort) };
  for (const [name, value] of Object.entries(spec.variables)) ch.vars.set(name, value);
  ch.stasisApp = spec.app;
  ch.dialplan = { ...ch.dialplan, app_name: 'Stasis', app_data: spec.app };
  // The channel enters the app just after the REST answer, as the controller sees it on Asterisk.
  world.later(0, () => {
    if (world.channels.get(id) === ch) world.emitForChannel(ch, 'StasisStart', { args: [], channel: world.channelJson(ch) });
  });
  return ch;
}

/** RTP from the controller reaches the parties bridged with this externalMedia channel, or nobody. */
function onControllerRtp(world: AriWorld, externalId: string, packet: ReceivedRtp): void {
  const ext = world.channel(externalId);
  const bridge = ext?.bridgeId === undefined ? undefined : world.bridges.get(ext.bridgeId);
  const listeners = (bridge?.channels ?? [])
    .map((id) => world.channel(id))
    .filter((c): c is FakeChannel => c !== undefined && c.kind !== 'externalMedia');
  if (listeners.length === 0) {
    world.droppedRtp += 1;
    return;
  }
  for (const listener of listeners) listener.heard.push(packet);
}

/** A digit pressed by the far end, as chan_pjsip reports it (RFC 4733, end of event). */
export function dtmf(world: AriWorld, ch: FakeChannel, digit: string, durationMs: number): void {
  if (!/^[0-9A-D*#]$/.test(digit)) throw new Error(`not a DTMF digit: ${digit}`);
  if (ch.stasisApp) world.emitForChannel(ch, 'ChannelDtmfReceived', { digit, duration_ms: durationMs, channel: world.channelJson(ch) });
  const bridge = ch.bridgeId === undefined ? undefined : world.bridges.get(ch.bridgeId);
  if (bridge) dtmfInBridge(world, bridge, digit);
}
