// /ari/channels/…: the operations of channels.json the controller uses.
import { z } from 'zod';
import {
  answer, createExternalMedia, hangup, readVariable, requireChannel, requireInStasis, setVariable,
} from './channel-ops.ts';
import { causeFromCode, HANGUP_REASONS } from './models.ts';
import { originate, type OriginateRule } from './originate.ts';
import { AriHttpError, noContent, ok, type Route, type RouteContext } from './router.ts';
import type { AriWorld, FakeChannel } from './world.ts';

/** Asterisk's default originate timeout, in seconds (channels.json). */
const DEFAULT_ORIGINATE_TIMEOUT_S = 30;

const variablesBody = z.object({ variables: z.record(z.string(), z.string()) }).optional();

function bodyVariables(body: unknown): Record<string, string> {
  const parsed = variablesBody.safeParse(body ?? undefined);
  if (!parsed.success) throw new AriHttpError(400, 'Error parsing request body');
  return parsed.data?.variables ?? {};
}

function channelOf(ctx: RouteContext): FakeChannel {
  return requireChannel(ctx.world, ctx.path.channelId);
}

function hostPort(value: string | undefined): { host: string; port: number } {
  const match = /^(.+):(\d{1,5})$/.exec(value ?? '');
  const port = Number(match?.[2]);
  if (!match?.[1] || !(port > 0 && port < 65536)) throw new AriHttpError(400, 'external_host must be HOST:PORT');
  return { host: match[1], port };
}

/** Settings this fake does not emulate are refused loudly rather than half-done. */
function only(name: string, value: string | undefined, supported: string): void {
  if (value !== undefined && value !== supported) throw new AriHttpError(400, `${name}=${value} is not supported by the fake ARI`);
}

export function channelRoutes(options: { knownEndpoints: Set<string>; originateRules: OriginateRule[] }): Route[] {
  const world = (ctx: RouteContext): AriWorld => ctx.world;
  return [
    {
      method: 'POST', path: '/channels/externalMedia',
      query: {
        channelId: 'optional', app: 'required', external_host: 'optional', encapsulation: 'optional', transport: 'optional',
        connection_type: 'optional', format: 'required', direction: 'optional',
      },
      async handle(ctx) {
        const q = ctx.query;
        only('encapsulation', q.encapsulation, 'rtp');
        only('transport', q.transport, 'udp');
        only('connection_type', q.connection_type, 'client');
        only('direction', q.direction, 'both');
        if (q.format !== 'ulaw' && q.format !== 'alaw') throw new AriHttpError(400, `format=${q.format} is not supported by the fake ARI`);
        if (q.external_host === undefined) throw new AriHttpError(400, 'external_host is required for rtp/udp');
        const ch = await createExternalMedia(world(ctx), {
          app: q.app ?? '', channelId: q.channelId, ...hostPort(q.external_host), format: q.format, variables: bodyVariables(ctx.body),
        });
        return ok(world(ctx).channelJson(ch));
      },
    },
    {
      method: 'POST', path: '/channels',
      query: {
        endpoint: 'required', app: 'optional', appArgs: 'optional', callerId: 'optional', timeout: 'optional',
        channelId: 'optional', originator: 'optional', formats: 'optional',
      },
      handle(ctx) {
        const q = ctx.query;
        if (!q.app) throw new AriHttpError(400, 'Application or extension must be specified');
        if (q.originator !== undefined) requireChannel(ctx.world, q.originator, 400);
        const timeout = q.timeout === undefined ? DEFAULT_ORIGINATE_TIMEOUT_S : Number(q.timeout);
        if (!Number.isInteger(timeout)) throw new AriHttpError(400, 'timeout must be an integer');
        bodyVariables(ctx.body);
        const ch = originate(world(ctx), {
          endpoint: q.endpoint ?? '', app: q.app, appArgs: q.appArgs ? q.appArgs.split(',') : [], callerId: q.callerId,
          timeoutSeconds: timeout, channelId: q.channelId, formats: q.formats,
        }, options.knownEndpoints, options.originateRules);
        return ok(world(ctx).channelJson(ch));
      },
    },
    {
      method: 'GET', path: '/channels/{channelId}', query: {},
      handle: (ctx) => ok(world(ctx).channelJson(channelOf(ctx))),
    },
    {
      method: 'DELETE', path: '/channels/{channelId}', query: { reason_code: 'optional', reason: 'optional' },
      handle(ctx) {
        const ch = channelOf(ctx);
        const { reason, reason_code: code } = ctx.query;
        if (reason !== undefined && code !== undefined) throw new AriHttpError(400, 'The reason and reason_code can\'t both be specified');
        let cause = HANGUP_REASONS.normal;
        if (reason !== undefined) cause = HANGUP_REASONS[reason] ?? cause;
        if (code !== undefined) {
          if (!/^\d+$/.test(code)) throw new AriHttpError(400, 'Invalid reason for hangup provided');
          cause = causeFromCode(Number(code));
        }
        hangup(world(ctx), ch, cause ?? { code: 16, text: 'Normal Clearing' }, true);
        return noContent;
      },
    },
    {
      method: 'POST', path: '/channels/{channelId}/answer', query: {},
      handle(ctx) {
        const ch = channelOf(ctx);
        requireInStasis(ch);
        answer(world(ctx), ch);
        return noContent;
      },
    },
    ...(['POST', 'DELETE'] as const).map((method): Route => ({
      method, path: '/channels/{channelId}/ring', query: {},
      handle(ctx) {
        const ch = channelOf(ctx);
        requireInStasis(ch);
        ch.ringing = method === 'POST';
        return noContent;
      },
    })),
    ...(['POST', 'DELETE'] as const).map((method): Route => ({
      method, path: '/channels/{channelId}/moh', query: method === 'POST' ? { mohClass: 'optional' } : {},
      handle(ctx) {
        const ch = channelOf(ctx);
        requireInStasis(ch);
        ch.moh = method === 'POST' ? (ctx.query.mohClass ?? 'default') : undefined;
        return noContent;
      },
    })),
    {
      method: 'GET', path: '/channels/{channelId}/variable', query: { variable: 'required' },
      handle(ctx) {
        const ch = channelOf(ctx);
        const value = readVariable(ch, ctx.query.variable ?? '');
        if (value === undefined) throw new AriHttpError(404, 'Provided variable was not found');
        return ok({ value });
      },
    },
    {
      method: 'POST', path: '/channels/{channelId}/variable', query: { variable: 'required', value: 'optional' },
      handle(ctx) {
        const ch = channelOf(ctx);
        setVariable(world(ctx), ch, ctx.query.variable ?? '', ctx.query.value ?? '');
        return noContent;
      },
    },
  ];
}
