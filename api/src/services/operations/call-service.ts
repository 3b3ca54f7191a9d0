import { AppError } from '../../errors.ts';
import { addDays, localDateBounds } from '../../domain/calendar.ts';
import type { CallListRow, CallRepository } from '../../repositories/operations/call-repository.ts';
import type { CallDetail, CallListItem, CallListQuery, CallPage } from '../../contract/operations.ts';
import { toE164 } from './phone.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function durationSeconds(c: { startedAt: Date; answeredAt: Date | null; endedAt: Date | null }): number | null {
  if (!c.endedAt) return null;
  return Math.max(0, Math.round((c.endedAt.getTime() - (c.answeredAt ?? c.startedAt).getTime()) / 1000));
}

export function toCallItem(c: CallListRow): CallListItem {
  const name = c.customer ? [c.customer.firstName, c.customer.lastName].filter(Boolean).join(' ') || null : null;
  return {
    id: c.id, startedAt: c.startedAt.toISOString(), answeredAt: iso(c.answeredAt), endedAt: iso(c.endedAt),
    durationSeconds: durationSeconds(c), callerNumber: c.callerNumber, outcome: c.outcome, handledBy: c.handledBy,
    language: c.language, costMicros: c.costMicros, summary: c.summary, customerId: c.customerId, customerName: name,
    orderId: c.order?.id ?? null, orderNumber: c.order?.number ?? null, reservationId: c.reservation?.id ?? null,
  };
}

/** Digits to look for in caller numbers: a full number as E.164, a fragment without the French trunk zero. */
function numberFragment(q: string): string {
  return toE164(q) ?? q.replace(/\D/g, '').replace(/^0/, '');
}

export function callService(repo: CallRepository) {
  return {
    async list(restaurantId: string, q: CallListQuery): Promise<CallPage> {
      let start: Date | undefined, end: Date | undefined;
      if (q.from || q.to) {
        const tz = await repo.timeZoneOf(restaurantId);
        if (!tz) throw new AppError('not_found', 'Restaurant introuvable');
        if (q.from) start = localDateBounds(q.from, tz).start;
        if (q.to) end = localDateBounds(addDays(q.to, 1), tz).start;
      }
      const number = q.q ? numberFragment(q.q) : undefined;
      const { items, total } = await repo.list(restaurantId, { outcome: q.outcome, start, end, number: number || undefined }, q.page, q.pageSize);
      return { items: items.map(toCallItem), total, page: q.page, pageSize: q.pageSize };
    },

    async detail(restaurantId: string, id: string): Promise<CallDetail> {
      const c = await repo.findDetail(restaurantId, id);
      if (!c) throw new AppError('not_found', "Cet appel n'existe pas");
      return {
        ...toCallItem(c),
        endedBy: c.endedBy, endReason: c.endReason, transferResult: c.transferResult, transferTarget: c.transferTarget,
        inputTokens: c.inputTokens, outputTokens: c.outputTokens, cachedTokens: c.cachedTokens,
        recordingUrl: c.recordingPath ? `/api/restaurants/${restaurantId}/calls/${c.id}/recording` : null,
        turns: c.turns.map((t) => ({ seq: t.seq, role: t.role, text: t.text, at: t.at.toISOString() })),
        tools: c.toolInvocations.map((t) => ({
          id: t.id, toolCallId: t.toolCallId, name: t.name, arguments: t.arguments, result: t.result,
          ok: t.ok, latencyMs: t.latencyMs, at: t.createdAt.toISOString(),
        })),
        order: c.order,
        reservation: c.reservation ? { ...c.reservation, startsAt: c.reservation.startsAt.toISOString() } : null,
      };
    },
  };
}
export type CallService = ReturnType<typeof callService>;
