import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { route, type AnyRouteSpec } from '../route.ts';
import { Id } from '../../contract/common.ts';
import {
  AgentSession, AgentSessionRequest, CallAnsweredRequest, CallEndRequest, CallRecord, CallTurnRequest, ToolCallRequest, ToolCallResponse,
} from '../../contract/agent.ts';
import { agentRepository } from '../../repositories/agent/agent-repository.ts';
import { knowledgeCache } from '../../services/agent/knowledge-cache.ts';
import { sessionJson } from '../../services/agent/session-json.ts';
import { sessionService } from '../../services/agent/session-service.ts';
import { toolRunner } from '../../services/agent/tool-runner.ts';
import { callService } from '../../services/agent/call-service.ts';
import { orderService } from '../../services/commerce/order-service.ts';
import { reservationService } from '../../services/commerce/reservation-service.ts';
import { createDeliveryService } from '../../delivery/index.ts';

const CallParams = z.object({ callId: Id });
const ToolParams = CallParams.extend({ name: z.string().regex(/^[a-z_]{1,64}$/) });

/** The controller's endpoints: agent sessions, tools, call lifecycle. */
export function agentRoutes(ctx: AppContext): AnyRouteSpec[] {
  const prisma = ctx.db.prisma;
  const repo = agentRepository(prisma, ctx.db.sql);
  const knowledge = knowledgeCache(repo, ctx.catalog);
  const delivery = createDeliveryService(ctx);
  const sessions = sessionService({ sql: ctx.db.sql, repo, knowledge, catalog: ctx.catalog });
  const tools = toolRunner({ prisma, repo, knowledge, log: ctx.log, delivery, orders: orderService(ctx.db, delivery, ctx.catalog), reservations: reservationService(prisma) });
  const calls = callService(prisma);

  return [
    route({
      method: 'post', path: '/agent/sessions', tag: 'agent', access: 'any',
      summary: 'Start a call: the restaurant chosen by the called number, the instructions, tools, voice and limits',
      body: AgentSessionRequest, response: AgentSession, serialize: sessionJson,
      handler: ({ body, principal, now }) => sessions.start(body, principal, now),
    }),
    route({
      method: 'post', path: '/agent/calls/:callId/tools/:name', tag: 'agent', access: 'any', status: 200,
      summary: "Run one of the model's tool calls, once per toolCallId (a retry gets the first answer)",
      params: ToolParams, body: ToolCallRequest, response: ToolCallResponse,
      handler: ({ params, body, principal, now }) => tools.run(params.callId, params.name, body, principal, now),
    }),
    route({
      method: 'post', path: '/agent/calls/:callId/answered', tag: 'agent', access: 'any', status: 200,
      summary: 'The caller can hear the agent', params: CallParams, body: CallAnsweredRequest,
      handler: ({ params, body, principal, now }) => calls.answered(params.callId, body.at ? new Date(body.at) : now, principal),
    }),
    route({
      method: 'post', path: '/agent/calls/:callId/turns', tag: 'agent', access: 'any',
      summary: 'Append a transcript turn (caller transcription or agent transcript)', params: CallParams, body: CallTurnRequest,
      response: z.object({ seq: z.number().int() }),
      handler: ({ params, body, principal, now }) => calls.addTurn(params.callId, body, now, principal),
    }),
    route({
      method: 'post', path: '/agent/calls/:callId/end', tag: 'agent', access: 'any', status: 200,
      summary: 'End the call with who hung up, why, the outcome, the transfer result and the token usage (idempotent)',
      params: CallParams, body: CallEndRequest, response: CallRecord,
      handler: ({ params, body, principal, now }) => calls.end(params.callId, body, now, principal),
    }),
  ];
}
