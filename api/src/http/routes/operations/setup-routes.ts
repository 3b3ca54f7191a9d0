import { route } from '../../route.ts';
import type { PhoneLineService } from '../../../services/operations/phone-line-service.ts';
import type { SettingsService } from '../../../services/operations/settings-service.ts';
import {
  PhoneLineCreateRequest, PhoneLineList, PhoneLineUpdateRequest, PhoneLineView, RestaurantSettings, RestaurantSettingsUpdate,
} from '../../../contract/operations.ts';
import { ItemParams, RestaurantParams } from './params.ts';

export function setupRoutes(lines: PhoneLineService, settings: SettingsService) {
  const base = '/restaurants/:restaurantId/phone-lines';
  return [
    route({
      method: 'get', path: base, tag: 'phone-lines', access: 'user', minRole: 'staff',
      summary: 'Phone lines (SIP trunk, HT841 ports); the SIP secret is never returned',
      params: RestaurantParams, response: PhoneLineList,
      handler: ({ params }) => lines.list(params.restaurantId),
    }),
    route({
      method: 'post', path: base, tag: 'phone-lines', access: 'user', minRole: 'owner',
      summary: 'Add a phone line; the SIP secret is stored encrypted; 409 if the number or endpoint exists',
      params: RestaurantParams, body: PhoneLineCreateRequest, response: PhoneLineView,
      handler: ({ params, body }) => lines.create(params.restaurantId, body),
    }),
    route({
      method: 'patch', path: `${base}/:id`, tag: 'phone-lines', access: 'user', minRole: 'owner',
      summary: 'Update a phone line; a new SIP secret replaces the old one, omitting it keeps it',
      params: ItemParams, body: PhoneLineUpdateRequest, response: PhoneLineView,
      handler: ({ params, body }) => lines.update(params.restaurantId, params.id, body),
    }),
    route({
      method: 'delete', path: `${base}/:id`, tag: 'phone-lines', access: 'user', minRole: 'owner', status: 204,
      summary: 'Delete a phone line', params: ItemParams,
      handler: ({ params }) => lines.remove(params.restaurantId, params.id),
    }),
    route({
      method: 'get', path: '/restaurants/:restaurantId/settings', tag: 'settings', access: 'user', minRole: 'staff',
      summary: "The restaurant's settings: details, ordering rules, the agent and call handling",
      params: RestaurantParams, response: RestaurantSettings,
      handler: ({ params }) => settings.get(params.restaurantId),
    }),
    route({
      method: 'patch', path: '/restaurants/:restaurantId/settings', tag: 'settings', access: 'user', minRole: 'owner',
      summary: 'Change any of the settings',
      params: RestaurantParams, body: RestaurantSettingsUpdate, response: RestaurantSettings,
      handler: ({ params, body }) => settings.update(params.restaurantId, body),
    }),
  ];
}
