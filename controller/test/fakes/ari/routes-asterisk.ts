// /ari/asterisk, /ari/applications, /ari/endpoints: what `voiceorder asterisk
// check` asks a running Asterisk.
import { AriHttpError, noContent, ok, type Route } from './router.ts';
import type { AriWorld } from './world.ts';

export const FAKE_ASTERISK_VERSION = '22.10.1';

/** Modules a VoiceOrder Asterisk runs; reloading anything else answers 404 like Asterisk. */
const RUNNING_MODULES = new Set([
  'res_pjsip.so', 'chan_pjsip.so', 'res_pjsip_session.so', 'res_ari.so', 'res_stasis.so', 'res_http_websocket.so',
  'pbx_config.so', 'res_musiconhold.so', 'res_rtp_asterisk.so', 'chan_rtp.so', 'app_stasis.so', 'res_pjsip_outbound_registration.so',
]);

export interface AsteriskInfoOptions {
  asteriskId: string;
  startedAt: Date;
  knownEndpoints: Set<string>;
  timestamp: (d: Date) => string;
}

function applicationJson(world: AriWorld, name: string): Record<string, unknown> {
  return {
    name,
    channel_ids: [...world.channels.values()].filter((c) => c.eventApp === name).map((c) => c.id),
    bridge_ids: [...world.bridges.values()].filter((b) => b.apps.has(name)).map((b) => b.id),
    endpoint_ids: [],
    device_names: [],
    events_allowed: [],
    events_disallowed: [],
  };
}

export function asteriskRoutes(options: AsteriskInfoOptions): Route[] {
  return [
    {
      method: 'GET', path: '/asterisk/info', query: { only: 'optional' },
      handle(ctx) {
        const startup = options.timestamp(options.startedAt);
        const info: Record<string, unknown> = {
          build: { os: 'Linux', kernel: '6.1.0', options: 'BUILD_NATIVE, OPTIONAL_API', machine: 'x86_64', date: '2026-01-01 00:00:00 UTC', user: 'root' },
          system: { version: FAKE_ASTERISK_VERSION, entity_id: options.asteriskId },
          config: { name: '', default_language: 'en', setid: { user: 'asterisk', group: 'asterisk' } },
          status: { startup_time: startup, last_reload_time: startup },
        };
        const only = ctx.query.only?.split(',');
        if (only && !only.every((part) => part in info)) throw new AriHttpError(400, 'Invalid only value');
        return ok(only ? Object.fromEntries(Object.entries(info).filter(([k]) => only.includes(k))) : info);
      },
    },
    {
      method: 'GET', path: '/asterisk/ping', query: {},
      handle: () => ok({ asterisk_id: options.asteriskId, ping: 'pong', timestamp: options.timestamp(new Date()) }),
    },
    {
      method: 'PUT', path: '/asterisk/modules/{moduleName}', query: {},
      handle(ctx) {
        if (!RUNNING_MODULES.has(ctx.path.moduleName ?? '')) throw new AriHttpError(404, 'Module not found in running modules');
        return noContent;
      },
    },
    {
      method: 'GET', path: '/applications', query: {},
      handle: (ctx) => ok(ctx.world.hub.registeredApps().map((name) => applicationJson(ctx.world, name))),
    },
    {
      method: 'GET', path: '/applications/{applicationName}', query: {},
      handle(ctx) {
        const name = ctx.path.applicationName ?? '';
        if (!ctx.world.hub.registeredApps().includes(name)) throw new AriHttpError(404, 'Application does not exist.');
        return ok(applicationJson(ctx.world, name));
      },
    },
    {
      method: 'GET', path: '/endpoints', query: {},
      handle: (ctx) => ok([...options.knownEndpoints].map((resource) => ({
        technology: 'PJSIP',
        resource,
        state: 'online',
        channel_ids: [...ctx.world.channels.values()].filter((c) => c.name.startsWith(`PJSIP/${resource}-`)).map((c) => c.id),
      }))),
    },
  ];
}
