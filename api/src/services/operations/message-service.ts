import { AppError } from '../../errors.ts';
import type { Message } from '../../generated/prisma/client.ts';
import type { MessageRepository } from '../../repositories/operations/message-repository.ts';
import type { CallbackMessage, CallbackMessagePage, MessageListQuery, MessageUpdateRequest } from '../../contract/operations.ts';

export function toCallbackMessage(m: Message): CallbackMessage {
  return {
    id: m.id, callId: m.callId, customerId: m.customerId, callerName: m.callerName, callerPhone: m.callerPhone,
    body: m.body, callbackWanted: m.callbackWanted, status: m.status, handledAt: m.handledAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}

export function messageService(repo: MessageRepository) {
  return {
    async list(restaurantId: string, q: MessageListQuery): Promise<CallbackMessagePage> {
      const { items, total } = await repo.list(restaurantId, q.status, q.page, q.pageSize);
      return { items: items.map(toCallbackMessage), total, page: q.page, pageSize: q.pageSize };
    },

    async update(restaurantId: string, id: string, body: MessageUpdateRequest, now: Date): Promise<CallbackMessage> {
      const current = await repo.find(restaurantId, id);
      if (!current) throw new AppError('not_found', "Ce message n'existe pas");
      // handledAt records when it was dealt with; marking it done again keeps the first time.
      const handledAt = body.status === 'done' ? (current.handledAt ?? now) : null;
      return toCallbackMessage(await repo.setStatus(restaurantId, id, body.status, handledAt));
    },
  };
}
export type MessageService = ReturnType<typeof messageService>;
