// The controller process: one ARI connection, one pacer clock, one port pool,
// a CallSession per caller, and the HTTP server for health and browser test
// calls. It reconnects to Asterisk with backoff and, on SIGTERM, stops taking
// calls and lets the running ones finish.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Client } from 'ari-client';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { ControllerConfig } from './config.ts';
import type { ControllerHealth } from '../../api/src/contract/test-call.ts';
import { ariOps, type AriOps } from './ari/ari-ops.ts';
import { parseAriEvent, type AriChannel } from './ari/ari-events.ts';
import { agentApi, type AgentApi } from './api/agent-api.ts';
import { Pacer } from './media/pacer.ts';
import { PortPool } from './media/port-pool.ts';
import { CallSession, type CallSessionDeps } from './call/call-session.ts';
import { CallTracker } from './call/call-tracker.ts';
import { PhoneTransport } from './call/phone-transport.ts';
import { BrowserTransport } from './web/browser-transport.ts';
import { NO_MODEL_KEY_REFUSAL, startControlServer, type TestCallControl } from './web/control-server.ts';
import { asteriskFromAriInfo, startHeartbeat, type HeartbeatSnapshot } from './health/heartbeat.ts';

// ari-client never rejects when Asterisk serves no API description: the connect must be bounded.
export const ARI_CONNECT_TIMEOUT_MS = 10_000;
// Backoff between reconnects while Asterisk restarts: quick first, then calm.
export const ARI_RECONNECT_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000] as const;
// Test calls cost model time like real ones: a restaurant gets a few at once, not a flood.
export const MAX_TEST_CALLS_PER_RESTAURANT = 2;

export interface Controller {
  readonly tracker: CallTracker;
  readonly pacer: Pacer;
  /** The health and test-call server's base URL. */
  readonly httpUrl: string;
  /** Phone calls are taken: ARI and the model's key are configured. */
  readonly phoneCalls: boolean;
  health(): ControllerHealth;
  /** Stop taking calls, wait for the running ones (up to drainMs), then close everything. */
  stop(drainMs?: number): Promise<void>;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e: unknown) => { clearTimeout(t); reject(e instanceof Error ? e : new Error(String(e))); });
  });
}

export async function startCallController(config: ControllerConfig, log: Logger, overrides: { api?: AgentApi } = {}): Promise<Controller> {
  const tracker = new CallTracker();
  const pacer = new Pacer({ onStreamError: (err) => log.error({ err: (err as Error).message }, 'media stream error') });
  const ports = new PortPool({ host: config.rtp.host, min: config.rtp.portMin, max: config.rtp.portMax });
  const api = overrides.api ?? agentApi(config.apiUrl, config.apiToken);
  const startedAt = new Date().toISOString();
  const ariConfig = config.ari;
  const phoneCalls = ariConfig !== null && Boolean(config.openai.apiKey);
  let client: Client | undefined;
  let ops: AriOps | undefined;
  let ariConnected = false;
  let stopping = false;

  function sessionDeps(sessionApi: AgentApi): CallSessionDeps {
    return {
      api: sessionApi, recordCalls: config.recordCalls, idleTimeoutMs: config.idleTimeoutMs, log,
      realtime: {
        url: config.openai.realtimeUrl, apiKey: config.openai.apiKey ?? '', transcriptionModel: config.openai.transcriptionModel,
        vad: { threshold: config.openai.vad.threshold, prefixPaddingMs: 300, silenceDurationMs: config.openai.vad.silenceDurationMs },
      },
      onClosed: (s) => tracker.remove(s.id),
    };
  }

  async function connect(ariCfg: NonNullable<ControllerConfig['ari']>): Promise<void> {
    // ari-client (and swagger) load only when there is an Asterisk to talk to.
    const { default: ari } = await import('ari-client');
    for (let attempt = 0; !stopping; attempt++) {
      try {
        const c = await withTimeout(ari.connect(ariCfg.url, ariCfg.username, ariCfg.password), ARI_CONNECT_TIMEOUT_MS, 'ARI connect');
        // '*' carries every event; the typings only list named ones.
        (c as unknown as { on(type: '*', cb: (event: unknown) => void): void }).on('*', (event) => onEvent(event));
        c.on('WebSocketMaxRetries', () => {
          log.warn('ARI event socket lost: reconnecting');
          ariConnected = false;
          void connect(ariCfg);
        });
        await withTimeout(c.start(ariCfg.app), ARI_CONNECT_TIMEOUT_MS, 'ARI start');
        client = c;
        ops = ariOps(c);
        ariConnected = true;
        log.info({ url: ariCfg.url, app: ariCfg.app }, 'connected to ARI');
        return;
      } catch (err) {
        const delay = ARI_RECONNECT_DELAYS_MS[Math.min(attempt, ARI_RECONNECT_DELAYS_MS.length - 1)]!;
        log.warn({ err: (err as Error).message, retryInMs: delay }, 'ARI connect failed');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  function onEvent(raw: unknown): void {
    const e = parseAriEvent(raw);
    switch (e.type) {
      case 'StasisStart': {
        const [first, second] = e.args;
        if (first === 'transfer' && second) {
          void tracker.byChannelId(second)?.transferAnswered(e.channel.id);
          return;
        }
        // Our own externalMedia channels enter the app too: they are not callers.
        if (e.channel.name.startsWith('UnicastRTP/') || tracker.owning(e.channel.id)) return;
        if (stopping || !ops || !ariConfig) {
          void ops?.hangup(e.channel.id, 'congestion');
          return;
        }
        startPhoneCall(ops, ariConfig.app, e.channel, first ?? e.channel.dialplan?.exten ?? '');
        return;
      }
      case 'StasisEnd':
      case 'ChannelHangupRequest':
        tracker.owning(e.channel.id)?.onChannelGone(e.channel.id);
        return;
      case 'ChannelDestroyed':
        tracker.owning(e.channel.id)?.onChannelGone(e.channel.id, e.cause);
        return;
      case 'ChannelDtmfReceived':
        tracker.byChannelId(e.channel.id)?.onDtmf(e.digit);
        return;
      case 'ChannelStateChange':
      case 'other':
        return;
    }
  }

  function startPhoneCall(aOps: AriOps, app: string, channel: AriChannel, did: string): void {
    const callLog = log.child({ channelId: channel.id, did });
    const transport = new PhoneTransport(aOps, { ari: aOps, pacer, ports, app, advertiseHost: config.rtp.advertiseHost, log: callLog }, channel, did);
    const session = new CallSession(sessionDeps(api), transport);
    tracker.add(transport.id, session);
    void session.start();
  }

  function startTestCall(ws: WebSocket, start: { restaurantId: string; ticket: string }): TestCallControl | { refused: string } {
    if (stopping) return { refused: 'Le serveur vocal redémarre : réessayez dans un instant.' };
    if (!config.openai.apiKey) return { refused: NO_MODEL_KEY_REFUSAL };
    const running = tracker.all().filter((s) => s.transport instanceof BrowserTransport && s.transport.restaurantId === start.restaurantId).length;
    if (running >= MAX_TEST_CALLS_PER_RESTAURANT) return { refused: `Déjà ${running} appels test en cours pour ce restaurant.` };
    const transport = new BrowserTransport(`browser-${randomUUID()}`, ws, start.restaurantId, pacer);
    // The ticket is a restaurant-scoped token: the API, not the controller, decides what this call may touch.
    const session = new CallSession(sessionDeps(agentApi(config.apiUrl, start.ticket)), transport);
    tracker.add(transport.id, session);
    void session.start();
    log.info({ channelId: transport.id, restaurantId: start.restaurantId }, 'browser test call');
    return {
      audio: (frame) => transport.receive(frame),
      dtmf: (digit) => session.onDtmf(digit),
      hangup: () => session.onChannelGone(transport.id),
    };
  }

  function health(): ControllerHealth {
    return {
      status: 'ok', controllerId: config.controllerId ?? hostname(), startedAt,
      ari: { configured: ariConfig !== null, connected: ariConnected }, openaiConfigured: Boolean(config.openai.apiKey),
      activeCalls: tracker.size, testCalls: tracker.all().filter((s) => s.transport.kind === 'browser').length, draining: stopping,
    };
  }

  /** What the admin's voice-servers page shows, sent to the API on every beat. */
  async function snapshot(): Promise<HeartbeatSnapshot> {
    let asterisk: HeartbeatSnapshot['asterisk'] = null;
    if (client && ariConnected) {
      asterisk = await client.asterisk.getInfo().then((info) => asteriskFromAriInfo(info, new Date()), () => null);
    }
    return { ariConnected, asterisk, activeCalls: tracker.size, maxCalls: ports.capacity };
  }

  const http = await startControlServer({ host: config.http.host, port: config.http.port, health, testCalls: { start: startTestCall }, log });
  if (ariConfig && phoneCalls) await connect(ariConfig);
  else if (ariConfig) log.warn('OPENAI_API_KEY is not set: phone calls are not taken (Asterisk falls back to the staff phones)');
  // Only a controller with its own service token reports to the API (a browser test call's ticket is per call).
  const heartbeat = config.apiToken
    ? startHeartbeat({ api, snapshot, log, identity: { startedAt: new Date(startedAt), ...(config.controllerId ? { controllerId: config.controllerId } : {}) } })
    : undefined;

  return {
    tracker,
    pacer,
    httpUrl: http.url,
    phoneCalls,
    health,
    async stop(drainMs = config.shutdownDrainMs) {
      stopping = true;
      await heartbeat?.stop();
      const deadline = Date.now() + drainMs;
      while (tracker.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      await Promise.allSettled(tracker.all().map((s) => s.close('controller_shutdown', 'system')));
      pacer.stop();
      // stop() closes ari-client's event WebSocket (it is synchronous in 2.2).
      client?.stop();
      await http.close();
    },
  };
}
