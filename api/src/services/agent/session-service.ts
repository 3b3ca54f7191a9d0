// POST /api/agent/sessions: everything the controller needs to answer a call,
// and the Call row that the rest of the call reports into.
import { AppError } from '../../errors.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { assertRestaurantAccess, type Principal } from '../auth-service.ts';
import type { AgentRepository } from '../../repositories/agent/agent-repository.ts';
import { callStartRepository } from '../../repositories/agent/call-start-repository.ts';
import { toE164 } from '../../util/phone.ts';
import { toLocal } from '../../domain/calendar.ts';
import { isOpenAt } from '../../domain/availability/opening.ts';
import { formatEuros } from '../../domain/money.ts';
import { callerTail, type CallerContext } from './instructions.ts';
import type { KnowledgeCache } from './knowledge-cache.ts';
import type { AgentSession, AgentSessionRequest } from '../../contract/agent.ts';
import { transferTarget } from './transfer-target.ts';

// How long the caller may stay silent before the agent prompts, then hangs up.
export const IDLE_TIMEOUT_MS = 20_000;

// A phone line's restaurant and codec change when an operator edits them; a
// new call sees the change within this delay, and no query is spent per call.
export const LINE_CACHE_TTL_MS = 5_000;

export function sessionService(deps: { prisma: PrismaClient; repo: AgentRepository; knowledge: KnowledgeCache }) {
  const starts = callStartRepository(deps.prisma);
  const lines = new Map<string, { at: number; line: Promise<Awaited<ReturnType<AgentRepository['lineByDid']>>> }>();

  function lineByDid(did: string) {
    const hit = lines.get(did);
    if (hit && Date.now() - hit.at < LINE_CACHE_TTL_MS) return hit.line;
    const line = deps.repo.lineByDid(did);
    lines.set(did, { at: Date.now(), line });
    line.catch(() => lines.delete(did));
    return line;
  }

  async function callerContext(restaurantId: string, number: string | null, timeZone: string): Promise<{ ctx: CallerContext; customer: { id: string; firstName: string | null } | null }> {
    if (!number) return { ctx: { number: null, customer: null }, customer: null };
    const c = await starts.caller(restaurantId, number);
    if (!c) return { ctx: { number, customer: null }, customer: null };
    const last = c.lastOrder;
    const next = c.nextReservation;
    return {
      customer: { id: c.id, firstName: c.firstName },
      ctx: {
        number,
        customer: {
          firstName: c.firstName, lastName: c.lastName, notes: c.notes, allergies: c.allergies, address: c.address,
          lastOrder: last ? `${toLocal(new Date(last.createdAt), timeZone).date}, ${last.items.map((i) => `${i.quantity} × ${i.name}`).join(', ')} (${formatEuros(last.totalCents)})` : null,
          upcomingReservation: next ? `${toLocal(new Date(next.startsAt), timeZone).date} à ${toLocal(new Date(next.startsAt), timeZone).time}, ${next.partySize} personnes` : null,
        },
      },
    };
  }

  /** A phone call's line (by the called number), or none for a browser test call, which names its restaurant. */
  async function lineOf(req: AgentSessionRequest) {
    if (req.restaurantId) return { line: null, restaurantId: req.restaurantId };
    const did = toE164(req.did ?? '') ?? req.did ?? '';
    const line = await lineByDid(did);
    if (!line || !line.enabled) throw new AppError('not_found', `No active phone line for ${did}`);
    return { line, restaurantId: line.restaurantId };
  }

  return {
    async start(req: AgentSessionRequest, principal: Principal | undefined, now: Date): Promise<AgentSession> {
      const { line, restaurantId } = await lineOf(req);
      assertRestaurantAccess(principal, restaurantId);
      const k = await deps.knowledge.get(restaurantId, now);
      const r = k.restaurant;
      if (r.suspendedAt) throw new AppError('forbidden', 'This restaurant is suspended');
      const callerNumber = toE164(req.callerNumber);
      const caller = await callerContext(r.id, callerNumber, r.timeZone);

      const callId = await starts.createCall({
        restaurantId: r.id, phoneLineId: line?.id ?? null, callerNumber, customerId: caller.customer?.id ?? null,
        channelId: req.channelId ?? null, startedAt: now, direction: req.test ? 'test' : 'inbound', language: r.aiLanguage, test: req.test,
      });
      const call = { id: callId };

      const greeting = r.aiGreeting ?? (r.aiLanguage === 'en' ? `Hello, ${r.name}, how can I help you?` : `Bonjour, ${r.name}, que puis-je faire pour vous ?`);
      const tail = callerTail(now, r.timeZone, caller.ctx);
      return {
        callId: call.id,
        restaurant: { id: r.id, name: r.name, timeZone: r.timeZone, locale: r.locale },
        instructions: `${k.prefix}\n\n${tail}\nTon premier message : « ${greeting} »${caller.ctx.customer?.firstName ? ` (en saluant ${caller.ctx.customer.firstName})` : ''}.`,
        stablePrefixChars: k.prefix.length,
        tools: k.definitions,
        model: r.aiModel,
        voice: r.aiVoice,
        language: r.aiLanguage,
        greeting,
        audioFormat: line?.codec === 'alaw' ? 'audio/pcma' : 'audio/pcmu',
        transfer: transferTarget(r),
        limits: { maxCallMs: r.aiMaxCallMs, idleTimeoutMs: IDLE_TIMEOUT_MS },
        callHandlingMode: r.callHandlingMode,
        openNow: isOpenAt({ openingHours: r.openingHours, closures: r.closures, timeZone: r.timeZone }, now),
        customer: caller.customer ? { id: caller.customer.id, firstName: caller.customer.firstName, known: true } : null,
      };
    },
  };
}
export type SessionService = ReturnType<typeof sessionService>;
