// The call's life as the controller reports it: answered, transcript turns,
// the end with its outcome, usage and cost. Each step reaches the dashboards live.
import { AppError } from '../../errors.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { assertRestaurantAccess, type Principal } from '../auth-service.ts';
import { publishLiveEvent } from '../../live/publish.ts';
import type { z } from 'zod';
import type { CallEndRequest, CallTurnRequest } from '../../contract/agent.ts';

// Estimated cost in micro-dollars per token (gpt-realtime audio: $32 in, $64 out,
// $0.40 cached per million). Audio dominates a phone call; text is cheaper.
const COST_MICROS_PER_TOKEN = { input: 32, output: 64, cached: 0.4 } as const;

export function estimateCostMicros(u: { inputTokens: number; outputTokens: number; cachedTokens: number }): number {
  const uncached = Math.max(0, u.inputTokens - u.cachedTokens);
  return Math.round(uncached * COST_MICROS_PER_TOKEN.input + u.cachedTokens * COST_MICROS_PER_TOKEN.cached + u.outputTokens * COST_MICROS_PER_TOKEN.output);
}

export function callService(prisma: PrismaClient) {
  async function load(callId: string, principal: Principal | undefined) {
    const call = await prisma.call.findUnique({ where: { id: callId } });
    if (!call) throw new AppError('not_found', 'Unknown call');
    assertRestaurantAccess(principal, call.restaurantId);
    return call;
  }

  return {
    async answered(callId: string, at: Date, principal: Principal | undefined) {
      const call = await load(callId, principal);
      if (call.answeredAt) return { id: call.id, answeredAt: call.answeredAt.toISOString() };
      await prisma.$transaction(async (tx) => {
        await tx.call.update({ where: { id: callId }, data: { answeredAt: at } });
        await publishLiveEvent(tx, call.restaurantId, 'call.updated', { callId, answeredAt: at.toISOString() });
      });
      return { id: call.id, answeredAt: at.toISOString() };
    },

    async addTurn(callId: string, turn: z.infer<typeof CallTurnRequest>, now: Date, principal: Principal | undefined) {
      const call = await load(callId, principal);
      const at = turn.at ? new Date(turn.at) : now;
      // seq is max+1 under the call row's lock, so concurrent turns never collide.
      return prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Call" WHERE id = ${callId} FOR UPDATE`;
        const last = await tx.callTurn.findFirst({ where: { callId }, orderBy: { seq: 'desc' }, select: { seq: true } });
        const row = await tx.callTurn.create({ data: { callId, seq: (last?.seq ?? 0) + 1, role: turn.role, text: turn.text, at } });
        await publishLiveEvent(tx, call.restaurantId, 'call.turn', { callId, seq: row.seq, role: row.role, text: row.text, at: at.toISOString() });
        return { seq: row.seq };
      });
    },

    async end(callId: string, e: z.infer<typeof CallEndRequest>, now: Date, principal: Principal | undefined) {
      const call = await load(callId, principal);
      // Ending twice (a retry) keeps the first end.
      if (call.endedAt) return { id: call.id, outcome: call.outcome, endedAt: call.endedAt.toISOString(), costMicros: call.costMicros };
      const endedAt = e.at ? new Date(e.at) : now;
      const outcome = e.outcome ?? await inferOutcome(prisma, callId, e.transferResult, call.answeredAt !== null);
      const updated = await prisma.$transaction(async (tx) => {
        const u = await tx.call.update({
          where: { id: callId },
          data: {
            endedAt, endedBy: e.endedBy, endReason: e.endReason, outcome,
            transferResult: e.transferResult ?? null, transferTarget: e.transferTarget ?? null, recordingPath: e.recordingPath ?? null,
            inputTokens: e.usage.inputTokens, outputTokens: e.usage.outputTokens, cachedTokens: e.usage.cachedTokens,
            costMicros: estimateCostMicros(e.usage), summary: e.summary ?? null,
            handledBy: e.transferResult === 'answered' ? 'staff' : 'agent',
          },
        });
        await publishLiveEvent(tx, call.restaurantId, 'call.ended', { callId, outcome, endedBy: e.endedBy, durationS: Math.round((endedAt.getTime() - call.startedAt.getTime()) / 1000) });
        return u;
      });
      return { id: updated.id, outcome: updated.outcome, endedAt: endedAt.toISOString(), costMicros: updated.costMicros };
    },
  };
}
export type CallService = ReturnType<typeof callService>;

async function inferOutcome(prisma: PrismaClient, callId: string, transfer: string | undefined, answered: boolean) {
  const [order, reservation, message] = await Promise.all([
    prisma.order.count({ where: { callId } }), prisma.reservation.count({ where: { callId } }), prisma.message.count({ where: { callId } }),
  ]);
  if (order) return 'order_placed' as const;
  if (reservation) return 'reservation_made' as const;
  if (transfer === 'answered') return 'transferred' as const;
  if (message) return 'message_taken' as const;
  return answered ? ('information' as const) : ('missed' as const);
}
