// The five routes every catalog entity has, from one description, so list,
// read, create, update and delete behave (and are documented) alike.
import { z } from 'zod';
import { Id } from '../../../contract/common.ts';
import { route, type AnyRouteSpec } from '../../route.ts';
import { actorOf, type Actor } from '../../../services/catalog/common.ts';

export const RestaurantParams = z.object({ restaurantId: Id });
export const EntityParams = RestaurantParams.extend({ id: Id });

interface Page<D> { items: D[]; total: number; page: number; pageSize: number }

export interface CrudService<Q, B, P, D> {
  list(restaurantId: string, q: Q): Promise<Page<D>>;
  get(restaurantId: string, id: string): Promise<D>;
  create(restaurantId: string, body: B, actor: Actor): Promise<D>;
  update(restaurantId: string, id: string, patch: P, actor: Actor): Promise<D>;
  remove(restaurantId: string, id: string, actor: Actor): Promise<undefined>;
}

export interface CrudSpec<Q, B, P, D> {
  /** Below /restaurants/:restaurantId, e.g. "/menu/items". */
  path: string;
  tag: string;
  /** "a menu item": used in the summaries. */
  noun: string;
  service: CrudService<Q, B, P, D>;
  query: z.ZodType<Q>;
  body: z.ZodType<B>;
  patch: z.ZodType<P>;
  dto: z.ZodType<D>;
  page: z.ZodType<Page<D>>;
  /** What DELETE really does when it is more than a delete. */
  deleteSummary?: string;
}

/** Reads are for any member (staff up); writes need a manager. */
export function crudRoutes<Q, B, P, D>(s: CrudSpec<Q, B, P, D>): AnyRouteSpec[] {
  const base = `/restaurants/:restaurantId${s.path}`;
  const common = { tag: s.tag, access: 'user' as const };
  return [
    route({
      ...common, method: 'get', path: base, minRole: 'staff', summary: `List ${s.noun}s (paginated)`,
      params: RestaurantParams, query: s.query, response: s.page,
      handler: ({ params, query }) => s.service.list(params.restaurantId, query),
    }),
    route({
      ...common, method: 'get', path: `${base}/:id`, minRole: 'staff', summary: `Read ${s.noun}`,
      params: EntityParams, response: s.dto,
      handler: ({ params }) => s.service.get(params.restaurantId, params.id),
    }),
    route({
      ...common, method: 'post', path: base, minRole: 'manager', summary: `Create ${s.noun}`,
      params: RestaurantParams, body: s.body, response: s.dto,
      handler: ({ params, body, principal }) => s.service.create(params.restaurantId, body, actorOf(principal)),
    }),
    route({
      ...common, method: 'patch', path: `${base}/:id`, minRole: 'manager', summary: `Update ${s.noun} (only the fields sent)`,
      params: EntityParams, body: s.patch, response: s.dto,
      handler: ({ params, body, principal }) => s.service.update(params.restaurantId, params.id, body, actorOf(principal)),
    }),
    route({
      ...common, method: 'delete', path: `${base}/:id`, minRole: 'manager', status: 204,
      summary: s.deleteSummary ?? `Delete ${s.noun}`,
      params: EntityParams,
      handler: ({ params, principal }) => s.service.remove(params.restaurantId, params.id, actorOf(principal)),
    }),
  ];
}
