import { route } from '../../route.ts';
import {
  ControllerHeartbeatAck, ControllerHeartbeatRequest, VoiceServersResponse,
} from '../../../contract/operations/voice-servers.ts';
import type { VoiceServerService } from '../../../services/operations/voice-server-service.ts';

/** Controllers' heartbeats in, the platform admin's voice servers page out. */
export function voiceServerRoutes(servers: VoiceServerService) {
  return [
    route({
      method: 'post', path: '/agent/controllers/heartbeat', tag: 'agent', access: 'token', status: 200,
      summary: "A controller's heartbeat (controller tokens): its ARI link, Asterisk's version and uptime, its calls",
      body: ControllerHeartbeatRequest, response: ControllerHeartbeatAck,
      handler: ({ body, principal, now }) => servers.heartbeat(body, principal, now),
    }),
    route({
      method: 'get', path: '/admin/voice-servers', tag: 'admin', access: 'platform_admin',
      summary: 'Each controller with its last heartbeat (stale after three missed beats), and calls in progress per restaurant',
      response: VoiceServersResponse,
      handler: ({ now }) => servers.list(now),
    }),
  ];
}
