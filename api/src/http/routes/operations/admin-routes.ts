import { z } from 'zod';
import { route } from '../../route.ts';
import { Id } from '../../../contract/common.ts';
import type { AdminService } from '../../../services/operations/admin-service.ts';
import {
  AdminRestaurant, AdminRestaurantCreateRequest, AdminRestaurantCreated, AdminRestaurantPage, AdminRestaurantUpdateRequest, OpsPageQuery,
} from '../../../contract/operations.ts';

const tag = 'admin';

export function adminRoutes(admin: AdminService) {
  return [
    route({
      method: 'get', path: '/admin/restaurants', tag, access: 'platform_admin',
      summary: "All restaurants with today's orders and calls and their active phone lines",
      query: OpsPageQuery, response: AdminRestaurantPage,
      handler: ({ query, now }) => admin.list(query, now),
    }),
    route({
      method: 'post', path: '/admin/restaurants', tag, access: 'platform_admin',
      summary: 'Create a restaurant and give it an owner (a new account gets a one-time password, shown once)',
      body: AdminRestaurantCreateRequest, response: AdminRestaurantCreated,
      handler: ({ body, now }) => admin.create(body, now),
    }),
    route({
      method: 'patch', path: '/admin/restaurants/:id', tag, access: 'platform_admin',
      summary: 'Suspend or reinstate a restaurant',
      params: z.object({ id: Id }), body: AdminRestaurantUpdateRequest, response: AdminRestaurant,
      handler: ({ params, body, now }) => admin.update(params.id, body, now),
    }),
  ];
}
