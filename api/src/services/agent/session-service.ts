// POST /api/agent/sessions: everything the controller needs to answer a call,
// and the Call row that the rest of the call reports into.
import { AppError } from '../../errors.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { assertRestaurantAccess, type Principal } from '../auth-service.ts';
import type { AgentRepository } from '../../repositories/agent/agent-repository.ts';
import { customerRepository } from '../../repositories/commerce/customer-repository.ts';
import { publishLiveEvent } from '../../live/publish.ts';
import { toE164 } from '../../util/phone.ts';
import { toLocal } from '../../domain/calendar.ts';
import { isOpenAt } from '../../domain/availability/opening.ts';
import { formatEuros } from '../../domain/money.ts';
import { callerTail, type CallerContext } from './instructions.ts';
import type { KnowledgeCache } from './knowledge-cache.ts';
import type { AgentSession, AgentSessionRequest } from '../../contract/agent.ts';

// How long the caller may stay silent before the agent prompts, then hangs up.
export const IDLE_TIMEOUT_MS = 20_000;

export function sessionService(deps: { prisma: PrismaClient; repo: AgentRepository; knowledge: KnowledgeCache }) {
  const customers = customerRepository(deps.prisma);

  async function callerContext(restaurantId: string, number: string | null, timeZone: string): Promise<{ ctx: CallerContext; customer: { id: string; firstName: string | null } | null }> {
    if (!number) return { ctx: { number: null, customer: null }, customer: null };
    const c = await customers.findByPhone(restaurantId, number);
    if (!c) return { ctx: { number, customer: null }, customer: null };
    const addr = c.addresses[0];
    const last = c.orders[0];
    const next = c.reservations[0];
    return {
      customer: { id: c.id, firstName: c.firstName },
      ctx: {
        number,
        customer: {
          firstName: c.firstName, lastName: c.lastName, notes: c.notes, allergies: c.allergies,
          address: addr ? { line1: addr.line1, postcode: addr.postcode, city: addr.city } : null,
          lastOrder: last ? `${toLocal(last.createdAt, timeZone).date}, ${last.items.map((i) => `${i.quantity} × ${i.name}`).join(', ')} (${formatEuros(last.totalCents)})` : null,
          upcomingReservation: next ? `${toLocal(next.startsAt, timeZone).date} à ${toLocal(next.startsAt, timeZone).time}, ${next.partySize} personnes` : null,
        },
      },
    };
  }

  return {
    async start(req: AgentSessionRequest, principal: Principal | undefined, now: Date): Promise<AgentSession> {
      const did = toE164(req.did) ?? req.did;
      const line = await deps.repo.lineByDid(did);
      if (!line || !line.enabled) throw new AppError('not_found', `No active phone line for ${did}`);
      assertRestaurantAccess(principal, line.restaurantId);
      const k = await deps.knowledge.get(line.restaurantId, now);
      const r = k.restaurant;
      if (r.suspendedAt) throw new AppError('forbidden', 'This restaurant is suspended');
      const callerNumber = toE164(req.callerNumber);
      const caller = await callerContext(r.id, callerNumber, r.timeZone);

      const call = await deps.prisma.$transaction(async (tx) => {
        const created = await tx.call.create({
          data: {
            restaurantId: r.id, phoneLineId: line.id, callerNumber, customerId: caller.customer?.id ?? null,
            channelId: req.channelId ?? null, startedAt: now, direction: req.test ? 'test' : 'inbound', language: r.aiLanguage,
          },
        });
        if (caller.customer) await tx.customer.update({ where: { id: caller.customer.id }, data: { lastCallAt: now } });
        await publishLiveEvent(tx, r.id, 'call.started', { callId: created.id, callerNumber, customerName: caller.customer?.firstName ?? null, test: req.test });
        return created;
      });

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
        audioFormat: line.codec === 'alaw' ? 'audio/pcma' : 'audio/pcmu',
        transfer: r.transferTargetKind && r.transferTarget ? { kind: r.transferTargetKind, target: r.transferTarget, timeoutMs: r.transferTimeoutMs } : null,
        limits: { maxCallMs: r.aiMaxCallMs, idleTimeoutMs: IDLE_TIMEOUT_MS },
        callHandlingMode: r.callHandlingMode,
        openNow: isOpenAt({ openingHours: r.openingHours, closures: r.closures, timeZone: r.timeZone }, now),
        customer: caller.customer ? { id: caller.customer.id, firstName: caller.customer.firstName, known: true } : null,
      };
    },
  };
}
export type SessionService = ReturnType<typeof sessionService>;
