import type { AppContext } from '../context.ts';
import type { AnyRouteSpec } from '../route.ts';

/** Server-Sent Events per restaurant. */
export function liveRoutes(_ctx: AppContext): AnyRouteSpec[] {
  return [];
}
