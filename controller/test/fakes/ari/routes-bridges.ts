// /ari/bridges/…: the operations of bridges.json the controller uses.
import {
  createBridge, destroyBridge, enterBridge, leaveBridge, requireBridge, startRecording, type RecordSpec,
} from './bridge-ops.ts';
import { AriHttpError, noContent, ok, type Route, type RouteContext } from './router.ts';
import type { FakeBridge, FakeChannel } from './world.ts';

/** Bridge types Asterisk's ari_bridges_create understands. */
const BRIDGE_TYPES = new Set(['mixing', 'holding', 'dtmf_events', 'proxy_media', 'video_sfu', 'video_single', 'sdp_label']);

function bridgeOf(ctx: RouteContext): FakeBridge {
  return requireBridge(ctx.world, ctx.path.bridgeId);
}

/** `channel=a,b`: every one must exist (400 otherwise, as bridges.json says). */
function channelsOf(ctx: RouteContext): FakeChannel[] {
  return (ctx.query.channel ?? '').split(',').map((id) => {
    const ch = ctx.world.channel(id);
    if (!ch) throw new AriHttpError(400, 'Channel not found');
    return ch;
  });
}

export function bridgeRoutes(): Route[] {
  return [
    {
      method: 'POST', path: '/bridges', query: { type: 'optional', bridgeId: 'optional', name: 'optional' },
      handle(ctx) {
        const types = (ctx.query.type ?? 'mixing').split(',');
        if (!types.every((t) => BRIDGE_TYPES.has(t))) throw new AriHttpError(400, 'Invalid bridge type');
        if (!types.includes('mixing')) throw new AriHttpError(400, 'The fake ARI only emulates mixing bridges');
        const bridge = createBridge(ctx.world, { id: ctx.query.bridgeId, name: ctx.query.name, types });
        return ok(ctx.world.bridgeJson(bridge));
      },
    },
    {
      method: 'GET', path: '/bridges/{bridgeId}', query: {},
      handle: (ctx) => ok(ctx.world.bridgeJson(bridgeOf(ctx))),
    },
    {
      method: 'DELETE', path: '/bridges/{bridgeId}', query: {},
      handle(ctx) {
        destroyBridge(ctx.world, bridgeOf(ctx));
        return noContent;
      },
    },
    {
      method: 'POST', path: '/bridges/{bridgeId}/addChannel', query: { channel: 'required', role: 'optional' },
      handle(ctx) {
        const bridge = bridgeOf(ctx);
        const channels = channelsOf(ctx);
        if (channels.some((ch) => !ch.stasisApp)) throw new AriHttpError(422, 'Channel not in Stasis application');
        for (const ch of channels) enterBridge(ctx.world, bridge, ch);
        return noContent;
      },
    },
    {
      method: 'POST', path: '/bridges/{bridgeId}/removeChannel', query: { channel: 'required' },
      handle(ctx) {
        const bridge = bridgeOf(ctx);
        const channels = channelsOf(ctx);
        if (channels.some((ch) => ch.bridgeId !== bridge.id)) throw new AriHttpError(422, 'Channel not in this bridge');
        for (const ch of channels) leaveBridge(ctx.world, ch);
        return noContent;
      },
    },
    ...(['POST', 'DELETE'] as const).map((method): Route => ({
      method, path: '/bridges/{bridgeId}/moh', query: method === 'POST' ? { mohClass: 'optional' } : {},
      handle(ctx) {
        const bridge = bridgeOf(ctx);
        bridge.moh = method === 'POST' ? (ctx.query.mohClass ?? 'default') : undefined;
        return noContent;
      },
    })),
    {
      method: 'POST', path: '/bridges/{bridgeId}/record',
      query: {
        name: 'required', format: 'required', maxDurationSeconds: 'optional', ifExists: 'optional', beep: 'optional',
        terminateOn: 'optional',
      },
      handle(ctx) {
        const bridge = bridgeOf(ctx);
        const q = ctx.query;
        const recording = startRecording(ctx.world, bridge, {
          name: q.name ?? '', format: q.format ?? '', maxDurationSeconds: Number(q.maxDurationSeconds ?? 0),
          ifExists: (q.ifExists ?? 'fail') as RecordSpec['ifExists'], terminateOn: q.terminateOn ?? 'none',
        });
        return {
          status: 201,
          body: { ...recording.live },
          headers: { Location: `/recordings/live/${encodeURIComponent(recording.live.name)}` },
        };
      },
    },
  ];
}
