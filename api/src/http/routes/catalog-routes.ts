import type { AppContext } from '../context.ts';
import type { AnyRouteSpec } from '../route.ts';

/** Menu, options, formules, services, offers, rooms, tables, delivery zones. */
export function catalogRoutes(_ctx: AppContext): AnyRouteSpec[] {
  return [];
}
