// An externalMedia leg that cannot join the call's bridge must not stay open
// in Asterisk (a channel streaming RTP to nobody, holding a port), and its UDP
// port must come back to the pool.
import t, { type Test } from 'tap';
import dgram from 'node:dgram';
import { MediaLeg } from '../../src/call/media-leg.ts';
import { Pacer } from '../../src/media/pacer.ts';
import { PortPool } from '../../src/media/port-pool.ts';
import type { AriOps } from '../../src/ari/ari-ops.ts';

/** A few ports from one the OS just handed out (the pool skips any taken since). */
async function freeUdpRange(size: number): Promise<{ min: number; max: number }> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', () => resolve()));
  const { port } = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return { min: port, max: Math.min(65535, port + size) };
}

function fakeAri(o: { addToBridge?: () => Promise<void> } = {}) {
  const hungUp: string[] = [];
  const ari: AriOps = {
    answer: async () => undefined,
    hangup: async (id) => { hungUp.push(id); },
    ring: async () => undefined,
    createBridge: async () => undefined,
    addToBridge: o.addToBridge ?? (async () => undefined),
    removeFromBridge: async () => undefined,
    destroyBridge: async () => undefined,
    externalMedia: async (x) => ({ id: x.channelId, rtpAddress: '127.0.0.1', rtpPort: 4000 }),
    channelVar: async () => null,
    originate: async () => undefined,
    record: async () => undefined,
  };
  return { ari, hungUp };
}

const log = { warn: () => undefined };

/** What MediaLeg.open needs, on a few real UDP ports and a real pacer. */
async function legDeps(t: Test, ari: AriOps) {
  const { min, max } = await freeUdpRange(2);
  const ports = new PortPool({ host: '127.0.0.1', min, max });
  const pacer = new Pacer();
  t.teardown(() => pacer.stop());
  return { ports, deps: { ari, pacer, ports, app: 'voiceorder', advertiseHost: '127.0.0.1', log } };
}

t.test('a leg that fails to join the bridge is hung up and gives its port back', async (t) => {
  const { ari, hungUp } = fakeAri({ addToBridge: async () => { throw new Error('Bridge not found'); } });
  const { ports, deps } = await legDeps(t, ari);
  await t.rejects(
    MediaLeg.open(deps, { bridgeId: 'b1', channelId: 'em-1', codec: 'pcmu', onAudio: () => undefined }),
    /Bridge not found/,
  );
  t.same(hungUp, ['em-1'], 'the externalMedia channel is hung up');
  t.equal(ports.inUse, 0, 'its port is free again');
});

t.test('a bridge that could not be created: the leg created meanwhile is hung up too', async (t) => {
  const { ari, hungUp } = fakeAri();
  const { ports, deps } = await legDeps(t, ari);
  const bridgeReady = Promise.reject(new Error('Allocation failed'));
  await t.rejects(
    MediaLeg.open(deps, { bridgeId: 'b1', bridgeReady, channelId: 'em-2', codec: 'pcma', onAudio: () => undefined }),
    /Allocation failed/,
  );
  t.same(hungUp, ['em-2']);
  t.equal(ports.inUse, 0);
});

t.test('a leg that joins is kept, on the pacer, until closed', async (t) => {
  const { ari, hungUp } = fakeAri();
  const { ports, deps } = await legDeps(t, ari);
  const leg = await MediaLeg.open(deps, { bridgeId: 'b1', channelId: 'em-3', codec: 'pcmu', onAudio: () => undefined });
  t.same(hungUp, [], 'nothing hung up');
  t.equal(ports.inUse, 1);
  await leg.close();
  t.equal(ports.inUse, 0);
});
