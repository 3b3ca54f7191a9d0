// Controllers report a heartbeat; the admin sees each one's health and the calls
// in progress. A controller is stale after three missed beats of its own period.
import { AppError } from '../../errors.ts';
import type { Principal } from '../auth-service.ts';
import type {
  ControllerHeartbeatAck, ControllerHeartbeatRequest, VoiceServer, VoiceServerStatus, VoiceServersResponse,
} from '../../contract/operations/voice-servers.ts';
import type { HeartbeatRow, VoiceServerRepository } from '../../repositories/operations/voice-server-repository.ts';

/** Beats a controller may miss before it is shown stale: one lost request is not an outage. */
export const MISSED_BEATS_STALE = 3;
// A call is at most 30 min (aiMaxCallMs) plus a transfer; one with no end after
// 2 h lost its end (a controller crash), it is not in progress.
export const CALL_IN_PROGRESS_HORIZON_MS = 2 * 3600_000;

export function serverStatus(row: Pick<HeartbeatRow, 'lastSeenAt' | 'intervalMs' | 'ariConnected'>, now: Date): VoiceServerStatus {
  if (now.getTime() - row.lastSeenAt.getTime() > MISSED_BEATS_STALE * row.intervalMs) return 'stale';
  return row.ariConnected ? 'up' : 'degraded';
}

function toServer(r: HeartbeatRow, now: Date): VoiceServer {
  return {
    controllerId: r.controllerId, hostname: r.hostname, version: r.version, startedAt: r.startedAt.toISOString(),
    ariConnected: r.ariConnected,
    asterisk: r.asteriskVersion === null ? null : { version: r.asteriskVersion, uptimeSeconds: r.asteriskUptimeSeconds ?? 0 },
    activeCalls: r.activeCalls, maxCalls: r.maxCalls, intervalMs: r.intervalMs,
    status: serverStatus(r, now), lastSeenAt: r.lastSeenAt.toISOString(),
  };
}

export function voiceServerService(repo: VoiceServerRepository) {
  return {
    /** Only controller tokens beat: a CLI or integration token is not a voice server. */
    async heartbeat(body: ControllerHeartbeatRequest, principal: Principal | undefined, now: Date): Promise<ControllerHeartbeatAck> {
      if (principal?.kind !== 'token' || principal.tokenKind !== 'controller') {
        throw new AppError('forbidden', 'Only controller tokens send heartbeats');
      }
      await repo.saveHeartbeat({
        controllerId: body.controllerId, hostname: body.hostname, version: body.version, startedAt: new Date(body.startedAt),
        ariConnected: body.ariConnected,
        // No Asterisk figures without ARI, whatever was sent.
        asteriskVersion: body.ariConnected ? (body.asterisk?.version ?? null) : null,
        asteriskUptimeSeconds: body.ariConnected ? (body.asterisk?.uptimeSeconds ?? null) : null,
        activeCalls: body.activeCalls, maxCalls: body.maxCalls, intervalMs: body.intervalMs,
        tokenId: principal.tokenId, lastSeenAt: now,
      });
      return { receivedAt: now.toISOString() };
    },

    async list(now: Date): Promise<VoiceServersResponse> {
      const [rows, restaurants] = await Promise.all([
        repo.heartbeats(), repo.callsInProgress(new Date(now.getTime() - CALL_IN_PROGRESS_HORIZON_MS)),
      ]);
      const servers = rows.map((r) => toServer(r, now));
      return {
        servers,
        activeCalls: servers.filter((s) => s.status !== 'stale').reduce((n, s) => n + s.activeCalls, 0),
        restaurants: restaurants.sort((a, b) => b.activeCalls - a.activeCalls || a.name.localeCompare(b.name)),
        checkedAt: now.toISOString(),
      };
    },
  };
}
export type VoiceServerService = ReturnType<typeof voiceServerService>;
