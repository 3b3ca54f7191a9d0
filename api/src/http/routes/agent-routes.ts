import type { AppContext } from '../context.ts';
import type { AnyRouteSpec } from '../route.ts';

/** The controller's endpoints: agent sessions, tools, call lifecycle. */
export function agentRoutes(_ctx: AppContext): AnyRouteSpec[] {
  return [];
}
