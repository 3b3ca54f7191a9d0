// POST /api/agent/sessions: everything the controller needs to answer a call,
// and the Call row that the rest of the call reports into.
import { AppError } from '../../errors.ts';
import type { Sql } from '../../db/sql.ts';
import { assertRestaurantAccess, type Principal } from '../auth-service.ts';
import type { AgentRepository } from '../../repositories/agent/agent-repository.ts';
import { callStartRepository, type CallerRow } from '../../repositories/agent/call-start-repository.ts';
import { toE164 } from '../../util/phone.ts';
import { toLocal } from '../../domain/calendar.ts';
import { isWithin } from '../../domain/availability/opening.ts';
import { formatEuros } from '../../domain/money.ts';
import { callerTail, type CallerContext } from './instructions.ts';
import type { KnowledgeCache } from './knowledge-cache.ts';
import type { AgentSession, AgentSessionRequest } from '../../contract/agent.ts';
import { transferTarget } from './transfer-target.ts';
import { withInstructionParts } from './session-json.ts';
import { refreshingCache } from '../../util/refreshing-cache.ts';
import { catalogCacheOptions, type CatalogChanges } from '../../live/catalog-changes.ts';

// How long the caller may stay silent before the agent prompts, then hangs up.
export const IDLE_TIMEOUT_MS = 20_000;

export function sessionService(deps: { sql: Sql; repo: AgentRepository; knowledge: KnowledgeCache; catalog?: CatalogChanges }) {
  const starts = callStartRepository(deps.sql);
  // A phone line's restaurant, codec and state change when an operator edits them, which is
  // pushed like a menu change: no query per call. Keyed by the number as the controller sent
  // it, since parsing it costs more than the rest of the lookup; any line's change reloads all.
  const lines = refreshingCache((sent: string) => deps.repo.lineByDid(toE164(sent) ?? sent), catalogCacheOptions(deps.catalog));
  deps.catalog?.onChange(() => lines.invalidate());
  const lineByDid = (sent: string) => lines.get(sent);

  function callerContext(number: string | null, c: CallerRow | null, timeZone: string): CallerContext {
    if (!number || !c) return { number, customer: null };
    const last = c.lastOrder;
    const next = c.nextReservation;
    return {
      number,
      customer: {
        firstName: c.firstName, lastName: c.lastName, notes: c.notes, allergies: c.allergies, address: c.address,
        lastOrder: last ? `${toLocal(new Date(last.createdAt), timeZone).date}, ${last.items.map((i) => `${i.quantity} × ${i.name}`).join(', ')} (${formatEuros(last.totalCents)})` : null,
        upcomingReservation: next ? `${toLocal(new Date(next.startsAt), timeZone).date} à ${toLocal(new Date(next.startsAt), timeZone).time}, ${next.partySize} personnes` : null,
      },
    };
  }

  /** A phone call's line (by the called number), or none for a browser test call, which names its restaurant. */
  async function lineOf(req: AgentSessionRequest) {
    if (req.restaurantId) return { line: null, restaurantId: req.restaurantId };
    const line = await lineByDid(req.did ?? '');
    if (!line || !line.enabled) throw new AppError('not_found', `No active phone line for ${toE164(req.did ?? '') ?? req.did ?? ''}`);
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
      const { callId, caller } = await starts.start({
        restaurantId: r.id, phoneLineId: line?.id ?? null, callerNumber,
        channelId: req.channelId ?? null, startedAt: now, direction: req.test ? 'test' : 'inbound', language: r.aiLanguage, test: req.test,
      });
      const ctx = callerContext(callerNumber, caller, r.timeZone);

      const greeting = r.aiGreeting ?? (r.aiLanguage === 'en' ? `Hello, ${r.name}, how can I help you?` : `Bonjour, ${r.name}, que puis-je faire pour vous ?`);
      const tail = `\n\n${callerTail(now, r.timeZone, ctx)}\nTon premier message : « ${greeting} »${caller?.firstName ? ` (en saluant ${caller.firstName})` : ''}.`;
      return withInstructionParts({
        callId,
        restaurant: { id: r.id, name: r.name, timeZone: r.timeZone, locale: r.locale },
        instructions: k.prefix + tail,
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
        openNow: isWithin(k.openIntervals, now),
        customer: caller ? { id: caller.id, firstName: caller.firstName, known: true } : null,
      }, k.prefix, tail);
    },
  };
}
export type SessionService = ReturnType<typeof sessionService>;
