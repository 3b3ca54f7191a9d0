import { route } from '../../route.ts';
import type { FaqService } from '../../../services/operations/faq-service.ts';
import type { MessageService } from '../../../services/operations/message-service.ts';
import {
  CallbackMessage, CallbackMessagePage, FaqCreateRequest, FaqEntry, FaqListQuery, FaqPage, FaqUpdateRequest,
  MessageListQuery, MessageUpdateRequest,
} from '../../../contract/operations.ts';
import { ItemParams, RestaurantParams } from './params.ts';

const tag = 'knowledge';

export function knowledgeRoutes(faq: FaqService, messages: MessageService) {
  return [
    route({
      method: 'get', path: '/restaurants/:restaurantId/faq', tag, access: 'user', minRole: 'staff',
      summary: 'FAQ entries: questions the agent could not answer first (most asked first), then answered ones',
      params: RestaurantParams, query: FaqListQuery, response: FaqPage,
      handler: ({ params, query }) => faq.list(params.restaurantId, query),
    }),
    route({
      method: 'post', path: '/restaurants/:restaurantId/faq', tag, access: 'user', minRole: 'manager',
      summary: 'Add a FAQ entry by hand (answered when an answer is given); 409 if the same question exists',
      params: RestaurantParams, body: FaqCreateRequest, response: FaqEntry,
      handler: ({ params, body, now }) => faq.create(params.restaurantId, body, now),
    }),
    route({
      method: 'patch', path: '/restaurants/:restaurantId/faq/:id', tag, access: 'user', minRole: 'manager',
      summary: 'Answer, reword, dismiss or reopen a FAQ entry',
      params: ItemParams, body: FaqUpdateRequest, response: FaqEntry,
      handler: ({ params, body, now }) => faq.update(params.restaurantId, params.id, body, now),
    }),
    route({
      method: 'delete', path: '/restaurants/:restaurantId/faq/:id', tag, access: 'user', minRole: 'manager', status: 204,
      summary: 'Delete a FAQ entry', params: ItemParams,
      handler: ({ params }) => faq.remove(params.restaurantId, params.id),
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/messages', tag, access: 'user', minRole: 'staff',
      summary: 'Callback requests taken by the agent, newest first',
      params: RestaurantParams, query: MessageListQuery, response: CallbackMessagePage,
      handler: ({ params, query }) => messages.list(params.restaurantId, query),
    }),
    route({
      method: 'patch', path: '/restaurants/:restaurantId/messages/:id', tag, access: 'user', minRole: 'staff',
      summary: 'Mark a callback request new, in progress or done',
      params: ItemParams, body: MessageUpdateRequest, response: CallbackMessage,
      handler: ({ params, body, now }) => messages.update(params.restaurantId, params.id, body, now),
    }),
  ];
}
