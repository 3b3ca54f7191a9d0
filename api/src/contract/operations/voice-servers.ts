// Voice servers: each controller's heartbeat (its ARI link, its Asterisk, its
// calls) and the platform admin's view of them.
import { z } from 'zod';
import { Id, IsoDateTime } from '../common.ts';

const AsteriskInfo = z.object({
  /** From ARI's GET /asterisk/info: system.version. */
  version: z.string().min(1).max(80),
  /** Seconds since Asterisk's status.startup_time. */
  uptimeSeconds: z.number().int().min(0),
});

/** POST /agent/controllers/heartbeat, every `intervalMs`, with the controller's service token. */
export const ControllerHeartbeatRequest = z.object({
  /** Stable for one controller process's life (its host name and pid, or a configured name). */
  controllerId: z.string().trim().min(1).max(120),
  hostname: z.string().trim().min(1).max(255),
  version: z.string().trim().min(1).max(60),
  startedAt: IsoDateTime,
  ariConnected: z.boolean(),
  /** null while ARI is not connected. */
  asterisk: AsteriskInfo.nullable(),
  activeCalls: z.number().int().min(0),
  maxCalls: z.number().int().min(0),
  /** The beat period: the admin page marks the controller stale after three missed beats. */
  intervalMs: z.number().int().min(1_000).max(3_600_000),
});
export type ControllerHeartbeatRequest = z.infer<typeof ControllerHeartbeatRequest>;

export const ControllerHeartbeatAck = z.object({ receivedAt: IsoDateTime });
export type ControllerHeartbeatAck = z.infer<typeof ControllerHeartbeatAck>;

/** `up`: beating with ARI connected; `degraded`: beating without ARI; `stale`: three beats missed. */
export const VoiceServerStatus = z.enum(['up', 'degraded', 'stale']);
export type VoiceServerStatus = z.infer<typeof VoiceServerStatus>;

export const VoiceServer = ControllerHeartbeatRequest.extend({
  status: VoiceServerStatus,
  lastSeenAt: IsoDateTime,
});
export type VoiceServer = z.infer<typeof VoiceServer>;

export const VoiceServersResponse = z.object({
  servers: z.array(VoiceServer),
  /** Calls the controllers that are not stale report right now. */
  activeCalls: z.number().int(),
  /** Calls in progress per restaurant, from the call log (started, not ended). */
  restaurants: z.array(z.object({ restaurantId: Id, name: z.string(), activeCalls: z.number().int() })),
  checkedAt: IsoDateTime,
});
export type VoiceServersResponse = z.infer<typeof VoiceServersResponse>;
