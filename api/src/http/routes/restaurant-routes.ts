import { Router } from 'express';
import { z } from 'zod';
import type { RestaurantService } from '../../services/restaurant-service.ts';
import { assertRestaurantAccess } from '../../services/auth-service.ts';
import { parse } from '../validate.ts';
import { principalOf } from '../auth-middleware.ts';
import { Id } from '../../contract/common.ts';

const SlugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/, 'a lowercase slug') });
const IdParams = z.object({ restaurantId: Id });

export function restaurantRoutes(restaurants: RestaurantService): Router {
  const r = Router();
  // Public card of a restaurant (name, address, hours): what a caller may hear.
  r.get('/public/restaurants/:slug', async (req, res) => {
    res.json(await restaurants.publicBySlug(parse(SlugParams, req.params).slug));
  });
  r.get('/restaurants/:restaurantId/overview', async (req, res) => {
    const { restaurantId } = parse(IdParams, req.params);
    assertRestaurantAccess(principalOf(res), restaurantId);
    res.json(await restaurants.overview(restaurantId, new Date()));
  });
  return r;
}
