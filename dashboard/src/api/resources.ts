// Typed calls per API resource; every answer is parsed with the API's own contract schema.
import { z } from 'zod';
import {
  AdminRestaurantPage, CallDetail, CallPage, CallbackMessage, CallbackMessagePage, CustomerDetail, CustomerPage,
  DiningRoomPage, DiningTablePage, FaqEntry, FaqPage, MenuCategoryPage, MenuItemDto, MenuItemPage, OptionGroupDto,
  OptionGroupPage, OrderDetail, Paginated, PhoneLineList, ReservationDetail, RestaurantSettings, SlotsResponse,
} from '../../../api/src/contract/index.ts';
import type {
  CreateReservationRequest, FaqCreateRequest, FaqUpdateRequest, MenuItemBody, OptionGroupBody,
  RestaurantSettingsUpdate,
} from '../../../api/src/contract/index.ts';
import { json, qs, request, rpath } from './client.ts';

const OrderPage = Paginated(OrderDetail);
const ReservationPage = Paginated(ReservationDetail);
type Query = Parameters<typeof qs>[0];

export const ordersApi = {
  list: (rid: string, q: Query) => request(rpath(rid, `/orders${qs(q)}`), OrderPage),
  get: (rid: string, id: string) => request(rpath(rid, `/orders/${encodeURIComponent(id)}`), OrderDetail),
  setStatus: (rid: string, id: string, status: string, reason?: string) =>
    request(rpath(rid, `/orders/${encodeURIComponent(id)}/status`), OrderDetail, json({ status, reason }, 'PATCH')),
};

export const reservationsApi = {
  list: (rid: string, q: Query) => request(rpath(rid, `/reservations${qs(q)}`), ReservationPage),
  create: (rid: string, body: CreateReservationRequest) => request(rpath(rid, '/reservations'), ReservationDetail, json(body)),
  setStatus: (rid: string, id: string, status: string) =>
    request(rpath(rid, `/reservations/${encodeURIComponent(id)}/status`), ReservationDetail, json({ status }, 'PATCH')),
  slots: (rid: string, date: string, partySize: number) =>
    request(rpath(rid, `/availability/reservations${qs({ date, partySize })}`), SlotsResponse),
};

export const venueApi = {
  rooms: (rid: string) => request(rpath(rid, '/rooms?pageSize=200'), DiningRoomPage),
  tables: (rid: string) => request(rpath(rid, '/tables?pageSize=200'), DiningTablePage),
};

export const callsApi = {
  list: (rid: string, q: Query) => request(rpath(rid, `/calls${qs(q)}`), CallPage),
  get: (rid: string, id: string) => request(rpath(rid, `/calls/${encodeURIComponent(id)}`), CallDetail),
};

export const menuApi = {
  categories: (rid: string) => request(rpath(rid, '/menu/categories?pageSize=200'), MenuCategoryPage),
  items: (rid: string) => request(rpath(rid, '/menu/items?pageSize=200'), MenuItemPage),
  groups: (rid: string) => request(rpath(rid, '/menu/option-groups?pageSize=200'), OptionGroupPage),
  createItem: (rid: string, body: Partial<MenuItemBody>) => request(rpath(rid, '/menu/items'), MenuItemDto, json(body)),
  updateItem: (rid: string, id: string, body: Partial<MenuItemBody>) =>
    request(rpath(rid, `/menu/items/${encodeURIComponent(id)}`), MenuItemDto, json(body, 'PATCH')),
  createGroup: (rid: string, body: Partial<OptionGroupBody>) => request(rpath(rid, '/menu/option-groups'), OptionGroupDto, json(body)),
  setAvailable: (rid: string, id: string, available: boolean) =>
    request(rpath(rid, `/menu/items/${encodeURIComponent(id)}/availability`), MenuItemDto, json({ available }, 'PATCH')),
};

export const knowledgeApi = {
  faq: (rid: string) => request(rpath(rid, '/faq?pageSize=200'), FaqPage),
  createFaq: (rid: string, body: FaqCreateRequest) => request(rpath(rid, '/faq'), FaqEntry, json(body)),
  updateFaq: (rid: string, id: string, body: FaqUpdateRequest) =>
    request(rpath(rid, `/faq/${encodeURIComponent(id)}`), FaqEntry, json(body, 'PATCH')),
  messages: (rid: string) => request(rpath(rid, '/messages?pageSize=200'), CallbackMessagePage),
  setMessageStatus: (rid: string, id: string, status: string) =>
    request(rpath(rid, `/messages/${encodeURIComponent(id)}`), CallbackMessage, json({ status }, 'PATCH')),
};

export const customersApi = {
  list: (rid: string, q: Query) => request(rpath(rid, `/customers${qs(q)}`), CustomerPage),
  get: (rid: string, id: string) => request(rpath(rid, `/customers/${encodeURIComponent(id)}`), CustomerDetail),
};

export const settingsApi = {
  get: (rid: string) => request(rpath(rid, '/settings'), RestaurantSettings),
  update: (rid: string, body: Partial<RestaurantSettingsUpdate>) => request(rpath(rid, '/settings'), RestaurantSettings, json(body, 'PATCH')),
  phoneLines: (rid: string) => request(rpath(rid, '/phone-lines'), PhoneLineList),
};

export const adminApi = {
  restaurants: () => request('/api/admin/restaurants?pageSize=200', AdminRestaurantPage),
  setSuspended: (id: string, suspended: boolean) =>
    request(`/api/admin/restaurants/${encodeURIComponent(id)}`, z.unknown(), json({ suspended }, 'PATCH')),
};
