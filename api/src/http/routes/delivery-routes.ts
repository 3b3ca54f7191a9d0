import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { route, type AnyRouteSpec } from '../route.ts';
import { Id } from '../../contract/common.ts';
import { DeliveryCheckRequest, DeliveryCheckResult } from '../../contract/delivery.ts';
import { createDeliveryService } from '../../delivery/index.ts';

const IdParams = z.object({ restaurantId: Id });

/** Address checks against the delivery zones. */
export function deliveryRoutes(ctx: AppContext): AnyRouteSpec[] {
  const delivery = createDeliveryService(ctx);
  return [
    route({
      method: 'post', path: '/restaurants/:restaurantId/delivery/check', tag: 'delivery', access: 'any', status: 200,
      summary: 'Whether an address can be delivered: zone, fee, distance, ETA, and whether to confirm it with the caller',
      params: IdParams, body: DeliveryCheckRequest, response: DeliveryCheckResult,
      handler: ({ params, body, now }) => delivery.checkDeliveryAddress(params.restaurantId, body, now),
    }),
  ];
}
