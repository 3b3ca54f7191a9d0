// The controller's heartbeat to the API: who it is, whether ARI is connected,
// Asterisk's version and uptime, and its calls. The platform admin's "voice
// servers" page shows the latest one and marks a controller stale after three
// missed beats. A failed beat is logged once per outage, not once per beat.
import { hostname } from 'node:os';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Logger } from 'pino';
import type { ControllerHeartbeatAck, ControllerHeartbeatRequest } from '../../../api/src/contract/operations/voice-servers.ts';

// Three missed beats (45 s) mark a controller stale: long enough to ride out an
// API restart, short enough for an admin to see a dead voice server within a minute.
export const HEARTBEAT_INTERVAL_MS = 15_000;

const CONTROLLER_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** What changes from beat to beat; the caller reads it from the running controller. */
export interface HeartbeatSnapshot {
  ariConnected: boolean;
  asterisk: { version: string; uptimeSeconds: number } | null;
  activeCalls: number;
  maxCalls: number;
}

/** What stays for the process's life; defaults to this host, this pid and the package's version. */
export interface HeartbeatIdentity { controllerId: string; hostname: string; version: string; startedAt: Date }

export interface HeartbeatOptions {
  api: { heartbeat(body: ControllerHeartbeatRequest): Promise<ControllerHeartbeatAck> };
  intervalMs?: number;
  snapshot: () => HeartbeatSnapshot | Promise<HeartbeatSnapshot>;
  identity?: Partial<HeartbeatIdentity>;
  log: Logger;
}

export interface Heartbeat {
  /** Stops the timer and waits for a beat in flight; safe to call twice. */
  stop(): Promise<void>;
}

// ARI's GET /asterisk/info, the two fields the page shows. Timestamps are like "2026-11-21T12:00:00.000+0000".
const AriAsteriskInfo = z.object({
  system: z.object({ version: z.string().min(1) }),
  status: z.object({ startup_time: z.string() }),
});

/** ARI's /asterisk/info (ari-client's `client.asterisk.getInfo()`) as the heartbeat's `asterisk`; null when unreadable. */
export function asteriskFromAriInfo(info: unknown, now: Date): HeartbeatSnapshot['asterisk'] {
  const parsed = AriAsteriskInfo.safeParse(info);
  if (!parsed.success) return null;
  const started = Date.parse(parsed.data.status.startup_time);
  const uptimeSeconds = Number.isNaN(started) ? 0 : Math.max(0, Math.floor((now.getTime() - started) / 1000));
  return { version: parsed.data.system.version, uptimeSeconds };
}

/** Beats once now, then every `intervalMs`; a slow beat is never overlapped by the next. */
export function startHeartbeat(opts: HeartbeatOptions): Heartbeat {
  const intervalMs = opts.intervalMs ?? HEARTBEAT_INTERVAL_MS;
  const host = opts.identity?.hostname ?? hostname();
  const identity: HeartbeatIdentity = {
    hostname: host,
    controllerId: opts.identity?.controllerId ?? `${host}:${process.pid}`,
    version: opts.identity?.version ?? CONTROLLER_VERSION,
    startedAt: opts.identity?.startedAt ?? new Date(),
  };
  let failing = false;
  let stopped = false;
  let inFlight: Promise<void> | undefined;

  async function beat(): Promise<void> {
    try {
      const s = await opts.snapshot();
      await opts.api.heartbeat({
        controllerId: identity.controllerId, hostname: identity.hostname, version: identity.version,
        startedAt: identity.startedAt.toISOString(), ariConnected: s.ariConnected, asterisk: s.ariConnected ? s.asterisk : null,
        activeCalls: s.activeCalls, maxCalls: s.maxCalls, intervalMs,
      });
      if (failing) opts.log.info({ controllerId: identity.controllerId }, 'heartbeat: the API hears us again');
      failing = false;
    } catch (err) {
      if (!failing) opts.log.warn({ err: (err as Error).message, controllerId: identity.controllerId }, 'heartbeat failed; retrying every beat');
      failing = true;
    }
  }

  const tick = () => {
    if (stopped || inFlight) return;
    inFlight = beat().finally(() => { inFlight = undefined; });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  // The heartbeat alone must never keep the process alive.
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await inFlight;
    },
  };
}
