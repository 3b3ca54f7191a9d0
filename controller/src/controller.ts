// The controller process: one ARI connection, one pacer clock, one port pool,
// and a CallSession per caller. It reconnects to Asterisk with backoff and,
// on SIGTERM, stops taking calls and lets the running ones finish.
import ari, { type Client } from 'ari-client';
import type { Logger } from 'pino';
import type { ControllerConfig } from './config.ts';
import { ariOps, type AriOps } from './ari/ari-ops.ts';
import { parseAriEvent } from './ari/ari-events.ts';
import { agentApi, type AgentApi } from './api/agent-api.ts';
import { Pacer } from './media/pacer.ts';
import { PortPool } from './media/port-pool.ts';
import { CallSession } from './call/call-session.ts';
import { CallTracker } from './call/call-tracker.ts';

// ari-client never rejects when Asterisk serves no API description: the connect must be bounded.
export const ARI_CONNECT_TIMEOUT_MS = 10_000;
// Backoff between reconnects while Asterisk restarts: quick first, then calm.
export const ARI_RECONNECT_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000] as const;

type Enabled = Extract<ControllerConfig, { enabled: true }>;

export interface Controller {
  readonly tracker: CallTracker;
  readonly pacer: Pacer;
  /** Stop taking calls, wait for the running ones (up to drainMs), then close everything. */
  stop(drainMs?: number): Promise<void>;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e: unknown) => { clearTimeout(t); reject(e instanceof Error ? e : new Error(String(e))); });
  });
}

export async function startCallController(config: Enabled, log: Logger, overrides: { api?: AgentApi } = {}): Promise<Controller> {
  const tracker = new CallTracker();
  const pacer = new Pacer({ onStreamError: (err) => log.error({ err: (err as Error).message }, 'media stream error') });
  const ports = new PortPool({ host: config.rtp.host, min: config.rtp.portMin, max: config.rtp.portMax });
  const api = overrides.api ?? agentApi(config.apiUrl, config.apiToken);
  let client: Client | undefined;
  let ops: AriOps | undefined;
  let stopping = false;

  async function connect(): Promise<void> {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        const c = await withTimeout(ari.connect(config.ari.url, config.ari.username, config.ari.password), ARI_CONNECT_TIMEOUT_MS, 'ARI connect');
        // '*' carries every event; the typings only list named ones.
        (c as unknown as { on(type: '*', cb: (event: unknown) => void): void }).on('*', (event) => onEvent(event));
        c.on('WebSocketMaxRetries', () => {
          log.warn('ARI event socket lost: reconnecting');
          void connect();
        });
        await withTimeout(c.start(config.ari.app), ARI_CONNECT_TIMEOUT_MS, 'ARI start');
        client = c;
        ops = ariOps(c);
        log.info({ url: config.ari.url, app: config.ari.app }, 'connected to ARI');
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
        if (stopping || !ops) {
          void ops?.hangup(e.channel.id, 'congestion');
          return;
        }
        const did = first ?? e.channel.dialplan?.exten ?? '';
        const session = new CallSession({
          ari: ops, api, transferTrunk: config.transferTrunk, recordCalls: config.recordCalls, idleTimeoutMs: config.idleTimeoutMs, log,
          media: { ari: ops, pacer, ports, app: config.ari.app, advertiseHost: config.rtp.advertiseHost },
          realtime: {
            url: config.openai.realtimeUrl, apiKey: config.openai.apiKey ?? '', transcriptionModel: config.openai.transcriptionModel,
            vad: { threshold: config.openai.vad.threshold, prefixPaddingMs: 300, silenceDurationMs: config.openai.vad.silenceDurationMs },
          },
          onClosed: (s) => tracker.remove(s.caller.id),
        }, e.channel, did);
        tracker.add(e.channel.id, session);
        void session.start();
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

  await connect();

  return {
    tracker,
    pacer,
    async stop(drainMs = config.shutdownDrainMs) {
      stopping = true;
      const deadline = Date.now() + drainMs;
      while (tracker.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      await Promise.allSettled(tracker.all().map((s) => s.close('controller_shutdown', 'system')));
      pacer.stop();
      // stop() closes ari-client's event WebSocket (it is synchronous in 2.2).
      client?.stop();
    },
  };
}
