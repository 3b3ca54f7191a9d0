import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { route, type AnyRouteSpec } from '../route.ts';
import { Id } from '../../contract/common.ts';
import { LiveEventsQuery } from '../../contract/live.ts';
import { resumeId, serveLiveEvents } from '../../live/sse-stream.ts';

const Params = z.object({ restaurantId: Id });

/** Server-Sent Events per restaurant. */
export function liveRoutes(ctx: AppContext): AnyRouteSpec[] {
  return [
    route({
      method: 'get', path: '/restaurants/:restaurantId/events', tag: 'live', access: 'user',
      summary: 'Live events (text/event-stream; LiveEventData in each data line). Resumes after Last-Event-ID or ?lastEventId',
      params: Params, query: LiveEventsQuery,
      handler: async ({ params, query, req, res }) => {
        await serveLiveEvents({
          hub: ctx.live, log: ctx.log, req, res, restaurantId: params.restaurantId,
          afterId: resumeId(req.header('last-event-id'), query.lastEventId),
        });
        return undefined;
      },
    }),
  ];
}
