// What happens to bridges: creation, channels entering and leaving,
// destruction, music on hold and recording, with Asterisk's events.
import { randomUUID } from 'node:crypto';
import { AriHttpError } from './router.ts';
import type { AriWorld, FakeBridge, FakeChannel, FakeRecording } from './world.ts';

/** Formats a stock Asterisk 22 can record to. */
const RECORDING_FORMATS = new Set(['wav', 'WAV', 'wav16', 'gsm', 'ulaw', 'alaw', 'sln', 'sln16', 'g722', 'g729', 'ogg', 'wav49']);

export function requireBridge(world: AriWorld, id: string | undefined): FakeBridge {
  const bridge = id === undefined ? undefined : world.bridges.get(id);
  if (!bridge) throw new AriHttpError(404, 'Bridge not found');
  return bridge;
}

export function createBridge(world: AriWorld, spec: { id: string | undefined; name: string | undefined; types: string[] }): FakeBridge {
  const id = spec.id ?? randomUUID();
  if (world.bridges.has(id)) throw new AriHttpError(409, 'Bridge with the same bridgeId already exists');
  const bridge: FakeBridge = {
    id, name: spec.name ?? '', types: spec.types, creationtime: world.timestamp(), channels: [],
    apps: new Set(), moh: undefined, recording: undefined,
  };
  world.bridges.set(id, bridge);
  // No app is subscribed to a bridge made over REST: only subscribeAll apps see this.
  world.emitForBridge(bridge, 'BridgeCreated', { bridge: world.bridgeJson(bridge) });
  return bridge;
}

export function enterBridge(world: AriWorld, bridge: FakeBridge, ch: FakeChannel): void {
  if (ch.bridgeId === bridge.id) return;
  leaveBridge(world, ch);
  ch.bridgeId = bridge.id;
  bridge.channels.push(ch.id);
  bridge.apps.add(ch.eventApp);
  world.emitForBridge(bridge, 'ChannelEnteredBridge', { bridge: world.bridgeJson(bridge), channel: world.channelJson(ch) });
}

export function leaveBridge(world: AriWorld, ch: FakeChannel): void {
  const bridge = ch.bridgeId === undefined ? undefined : world.bridges.get(ch.bridgeId);
  ch.bridgeId = undefined;
  if (!bridge) return;
  bridge.channels = bridge.channels.filter((id) => id !== ch.id);
  world.emitForBridge(bridge, 'ChannelLeftBridge', { bridge: world.bridgeJson(bridge), channel: world.channelJson(ch) });
}

/** Channels still inside leave first; a recording of the bridge ends; then BridgeDestroyed. */
export function destroyBridge(world: AriWorld, bridge: FakeBridge): void {
  for (const id of [...bridge.channels]) {
    const ch = world.channel(id);
    if (ch) leaveBridge(world, ch);
  }
  if (bridge.recording !== undefined) finishRecording(world, bridge.recording, 'done');
  world.bridges.delete(bridge.id);
  world.emitForBridge(bridge, 'BridgeDestroyed', { bridge: world.bridgeJson(bridge) });
}

export interface RecordSpec {
  name: string;
  format: string;
  maxDurationSeconds: number;
  ifExists: 'fail' | 'overwrite' | 'append';
  terminateOn: string;
}

export function startRecording(world: AriWorld, bridge: FakeBridge, spec: RecordSpec): FakeRecording {
  if (!RECORDING_FORMATS.has(spec.format)) throw new AriHttpError(422, 'The format specified is unknown on this system');
  const stored = world.storedRecordings;
  const live = world.recordings.get(spec.name);
  if (live && (live.live.state === 'recording' || live.live.state === 'queued')) {
    throw new AriHttpError(409, 'A recording with the same name is currently in progress.');
  }
  if (stored.has(spec.name) && spec.ifExists === 'fail') throw new AriHttpError(409, 'Recording already exists');
  if (bridge.recording !== undefined) throw new AriHttpError(409, 'Bridge is already being recorded');
  const recording: FakeRecording = {
    live: { name: spec.name, format: spec.format, target_uri: `bridge:${bridge.id}`, state: 'queued' },
    bridgeId: bridge.id, startedAt: Date.now(), maxTimer: undefined, terminateOn: spec.terminateOn,
  };
  world.recordings.set(spec.name, recording);
  stored.add(spec.name);
  bridge.recording = spec.name;
  world.later(0, () => {
    if (recording.live.state !== 'queued') return;
    recording.live.state = 'recording';
    recording.startedAt = Date.now();
    world.emitForBridge(bridge, 'RecordingStarted', { recording: { ...recording.live } });
  });
  if (spec.maxDurationSeconds > 0) {
    recording.maxTimer = setTimeout(() => finishRecording(world, spec.name, 'done'), spec.maxDurationSeconds * 1000);
  }
  return recording;
}

export function finishRecording(world: AriWorld, name: string, state: 'done' | 'canceled'): void {
  const recording = world.recordings.get(name);
  if (!recording || (recording.live.state !== 'recording' && recording.live.state !== 'queued')) return;
  if (recording.maxTimer) clearTimeout(recording.maxTimer);
  const bridge = world.bridges.get(recording.bridgeId);
  if (bridge?.recording === name) bridge.recording = undefined;
  recording.live = { ...recording.live, state, duration: Math.round((Date.now() - recording.startedAt) / 1000) };
  if (bridge) world.emitForBridge(bridge, 'RecordingFinished', { recording: { ...recording.live } });
  else world.hub.emit([], 'RecordingFinished', { recording: { ...recording.live } });
}

/** A DTMF digit heard in a recorded bridge ends the recording when terminateOn says so. */
export function dtmfInBridge(world: AriWorld, bridge: FakeBridge, digit: string): void {
  const recording = bridge.recording === undefined ? undefined : world.recordings.get(bridge.recording);
  if (!recording) return;
  const t = recording.terminateOn;
  if (t === 'any' || t === digit) finishRecording(world, recording.live.name, 'done');
}
