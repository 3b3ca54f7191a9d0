// Browser test calls: is a controller there to take one, and the ticket the
// page hands to it. The ticket is a controller token scoped to one restaurant
// that expires after one call's length, so the controller (and whoever holds
// the ticket) can act for this restaurant only, and not for long.
import { ControllerHealth, TEST_CALL_WS_PATH, type TestCallStatus, type TestCallTicket } from '../../contract/test-call.ts';
import type { ApiTokenAdminRepository } from '../../repositories/provisioning/api-token-repository.ts';
import { apiTokenService } from '../provisioning/api-token-service.ts';

// The page asks before every call: a controller that takes longer than this to say it is alive is not usable for one.
export const CONTROLLER_HEALTH_TIMEOUT_MS = 1_500;
// Longer than the longest call (aiMaxCallMs defaults to 10 minutes) plus the time to start it.
export const TEST_CALL_TICKET_TTL_MS = 20 * 60_000;
export const TEST_CALL_TOKEN_NAME = 'Appel test (navigateur)';

export function testCallService(deps: { tokens: ApiTokenAdminRepository; controllerUrl: string }) {
  const tokens = apiTokenService(deps.tokens);
  return {
    async status(): Promise<TestCallStatus> {
      let health: ControllerHealth;
      try {
        const res = await fetch(new URL('/health', deps.controllerUrl), { signal: AbortSignal.timeout(CONTROLLER_HEALTH_TIMEOUT_MS) });
        health = ControllerHealth.parse(await res.json());
      } catch {
        return { ready: false, reason: 'controller_unreachable', wsPath: TEST_CALL_WS_PATH };
      }
      if (!health.openaiConfigured) return { ready: false, reason: 'openai_key_missing', wsPath: TEST_CALL_WS_PATH };
      if (health.draining) return { ready: false, reason: 'controller_unreachable', wsPath: TEST_CALL_WS_PATH };
      return { ready: true, reason: null, wsPath: TEST_CALL_WS_PATH };
    },

    async ticket(restaurantId: string, userId: string | null, now: Date): Promise<TestCallTicket> {
      await deps.tokens.deleteExpired(restaurantId, TEST_CALL_TOKEN_NAME, now);
      const expiresAt = new Date(now.getTime() + TEST_CALL_TICKET_TTL_MS);
      const t = await tokens.create({ name: TEST_CALL_TOKEN_NAME, kind: 'controller', restaurantId, createdById: userId, expiresAt }, now);
      return { ticket: t.token, expiresAt: expiresAt.toISOString(), wsPath: TEST_CALL_WS_PATH };
    },
  };
}
