import { z } from 'zod';
import type { RestaurantService } from '../../services/restaurant-service.ts';
import { route } from '../route.ts';
import { Id } from '../../contract/common.ts';
import { RestaurantOverview, RestaurantPublic } from '../../contract/restaurant.ts';

const SlugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/, 'a lowercase slug') });
const IdParams = z.object({ restaurantId: Id });

export function restaurantRoutes(restaurants: RestaurantService) {
  return [
    route({
      method: 'get', path: '/public/restaurants/:slug', tag: 'restaurants', access: 'public',
      summary: "A restaurant's public card: name, address, hours (what a caller may hear)",
      params: SlugParams, response: RestaurantPublic,
      handler: ({ params }) => restaurants.publicBySlug(params.slug),
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/overview', tag: 'restaurants', access: 'any',
      summary: "Today's figures, orders and reservations", params: IdParams, response: RestaurantOverview,
      handler: ({ params, now }) => restaurants.overview(params.restaurantId, now),
    }),
  ];
}
