import type { AppContext } from '../context.ts';
import type { AnyRouteSpec } from '../route.ts';

/** Orders and reservations: lists, creation, status changes, availability. */
export function commerceRoutes(_ctx: AppContext): AnyRouteSpec[] {
  return [];
}
