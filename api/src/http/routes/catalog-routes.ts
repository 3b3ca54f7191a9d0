import type { AppContext } from '../context.ts';
import type { AnyRouteSpec } from '../route.ts';
import { catalogStore } from '../../repositories/catalog/store.ts';
import { menuRoutes } from './catalog/menu-routes.ts';
import { venueRoutes } from './catalog/venue-routes.ts';

/** Menu, options, formules, services, offers, rooms, tables, delivery zones. */
export function catalogRoutes(ctx: AppContext): AnyRouteSpec[] {
  const store = catalogStore(ctx.db.prisma);
  return [...menuRoutes(store), ...venueRoutes(store)];
}
