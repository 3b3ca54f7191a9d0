// The dashboard's test call: whether it can start, and its ticket.
import { z } from 'zod';
import { route } from '../route.ts';
import { Id } from '../../contract/common.ts';
import { TestCallStatus, TestCallTicket } from '../../contract/test-call.ts';
import type { AppContext } from '../context.ts';
import { apiTokenAdminRepository } from '../../repositories/provisioning/api-token-repository.ts';
import { testCallService } from '../../services/agent/test-call-service.ts';

const RestaurantParams = z.object({ restaurantId: Id });

export function testCallRoutes(ctx: AppContext) {
  const calls = testCallService({ tokens: apiTokenAdminRepository(ctx.db.prisma), controllerUrl: ctx.config.controllerUrl });
  return [
    route({
      method: 'get', path: '/restaurants/:restaurantId/test-call', tag: 'agent', access: 'user', minRole: 'manager',
      summary: 'Whether a browser test call can start now, and why not (no controller, no OpenAI key)',
      params: RestaurantParams, response: TestCallStatus,
      handler: () => calls.status(),
    }),
    route({
      method: 'post', path: '/restaurants/:restaurantId/test-call/tickets', tag: 'agent', access: 'user', minRole: 'manager', status: 201,
      summary: "A ticket for one browser test call: a controller token for this restaurant only, valid one call's length",
      params: RestaurantParams, response: TestCallTicket,
      handler: ({ params, principal, now }) => calls.ticket(params.restaurantId, principal?.kind === 'user' ? principal.userId : null, now),
    }),
  ];
}
