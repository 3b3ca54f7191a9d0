import { route } from '../../route.ts';
import type { CallService } from '../../../services/operations/call-service.ts';
import type { StatsService } from '../../../services/operations/stats-service.ts';
import { CallDetail, CallListQuery, CallPage, StatsQuery, StatsResponse } from '../../../contract/operations.ts';
import { ItemParams, RestaurantParams } from './params.ts';

export function callRoutes(calls: CallService, stats: StatsService) {
  return [
    route({
      method: 'get', path: '/restaurants/:restaurantId/calls', tag: 'calls', access: 'user', minRole: 'staff',
      summary: 'Calls, newest first, by outcome, local dates or caller number',
      params: RestaurantParams, query: CallListQuery, response: CallPage,
      handler: ({ params, query }) => calls.list(params.restaurantId, query),
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/calls/:id', tag: 'calls', access: 'user', minRole: 'staff',
      summary: 'A call with its conversation, tool calls and the order or reservation it produced',
      params: ItemParams, response: CallDetail,
      handler: ({ params }) => calls.detail(params.restaurantId, params.id),
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/stats', tag: 'stats', access: 'user', minRole: 'staff',
      summary: 'Calls, orders, revenue, commission saved and covers, with a daily or hourly local series',
      params: RestaurantParams, query: StatsQuery, response: StatsResponse,
      handler: ({ params, query, now }) => stats.stats(params.restaurantId, query, now),
    }),
  ];
}
