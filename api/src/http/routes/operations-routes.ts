import type { AppContext } from '../context.ts';
import type { AnyRouteSpec } from '../route.ts';

/** FAQ, messages, customers, phone lines, settings, calls, statistics, platform admin. */
export function operationsRoutes(_ctx: AppContext): AnyRouteSpec[] {
  return [];
}
