import type { AppContext } from '../context.ts';
import type { AnyRouteSpec } from '../route.ts';

/** Address checks against the delivery zones. */
export function deliveryRoutes(_ctx: AppContext): AnyRouteSpec[] {
  return [];
}
