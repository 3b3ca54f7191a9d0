// The platform admin's calls beyond the restaurant list (resources.ts): creating
// a restaurant, the menu import wizard and the voice servers.
import {
  AdminImportOptions, AdminMenuImportResponse, AdminMenuPhotoResponse, AdminRestaurantCreated, VoiceServersResponse,
} from '../../../api/src/contract/index.ts';
import type { AdminMenuImportRequest, AdminRestaurantCreateRequest } from '../../../api/src/contract/index.ts';
import { json, request } from './client.ts';

const restaurantPath = (id: string, sub = '') => `/api/admin/restaurants/${encodeURIComponent(id)}${sub}`;

export const adminRestaurantsApi = {
  create: (body: AdminRestaurantCreateRequest) => request('/api/admin/restaurants', AdminRestaurantCreated, json(body)),
};

export const adminImportApi = {
  options: () => request('/api/admin/menu-import/options', AdminImportOptions),
  /** A dry run unless `dryRun` is false. */
  importFile: (restaurantId: string, body: AdminMenuImportRequest) =>
    request(restaurantPath(restaurantId, '/menu/import'), AdminMenuImportResponse, json(body)),
  /** The image itself is the body, sent with its own Content-Type. */
  readPhoto: (restaurantId: string, photo: File) =>
    request(restaurantPath(restaurantId, '/menu/photo'), AdminMenuPhotoResponse, { method: 'POST', body: photo, headers: { 'Content-Type': photo.type } }),
};

export const voiceServersApi = {
  list: () => request('/api/admin/voice-servers', VoiceServersResponse),
};
