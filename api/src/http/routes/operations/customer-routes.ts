import { route } from '../../route.ts';
import type { CustomerService } from '../../../services/operations/customer-service.ts';
import {
  CustomerAddress, CustomerAddressCreateRequest, CustomerAddressUpdateRequest, CustomerCreateRequest, CustomerDetail,
  CustomerListQuery, CustomerPage, CustomerUpdateRequest,
} from '../../../contract/operations.ts';
import { AddressParams, ItemParams, RestaurantParams } from './params.ts';

const tag = 'customers';
const base = '/restaurants/:restaurantId/customers';

export function customerRoutes(customers: CustomerService) {
  return [
    route({
      method: 'get', path: base, tag, access: 'user', minRole: 'staff',
      summary: 'Customers, searchable by name or phone (typed any way)',
      params: RestaurantParams, query: CustomerListQuery, response: CustomerPage,
      handler: ({ params, query }) => customers.list(params.restaurantId, query),
    }),
    route({
      method: 'get', path: `${base}/:id`, tag, access: 'user', minRole: 'staff',
      summary: 'A customer with addresses, last 10 orders and reservations, and number of calls',
      params: ItemParams, response: CustomerDetail,
      handler: ({ params }) => customers.detail(params.restaurantId, params.id),
    }),
    route({
      method: 'post', path: base, tag, access: 'user', minRole: 'manager',
      summary: 'Create a customer; 409 if the phone number is already known',
      params: RestaurantParams, body: CustomerCreateRequest, response: CustomerDetail,
      handler: ({ params, body, now }) => customers.create(params.restaurantId, body, now),
    }),
    route({
      method: 'patch', path: `${base}/:id`, tag, access: 'user', minRole: 'manager',
      summary: 'Update names, e-mail, notes, allergies, marketing consent or the blocked flag',
      params: ItemParams, body: CustomerUpdateRequest, response: CustomerDetail,
      handler: ({ params, body, now }) => customers.update(params.restaurantId, params.id, body, now),
    }),
    route({
      method: 'delete', path: `${base}/:id`, tag, access: 'user', minRole: 'manager', status: 204,
      summary: 'GDPR erasure: the customer and addresses go; orders and reservations stay without phone, e-mail or address',
      params: ItemParams,
      handler: ({ params }) => customers.erase(params.restaurantId, params.id),
    }),
    route({
      method: 'post', path: `${base}/:id/addresses`, tag, access: 'user', minRole: 'manager',
      summary: 'Add a delivery address', params: ItemParams, body: CustomerAddressCreateRequest, response: CustomerAddress,
      handler: ({ params, body }) => customers.addAddress(params.restaurantId, params.id, body),
    }),
    route({
      method: 'patch', path: `${base}/:id/addresses/:addressId`, tag, access: 'user', minRole: 'manager',
      summary: 'Update a delivery address', params: AddressParams, body: CustomerAddressUpdateRequest, response: CustomerAddress,
      handler: ({ params, body }) => customers.updateAddress(params.restaurantId, params.id, params.addressId, body),
    }),
    route({
      method: 'delete', path: `${base}/:id/addresses/:addressId`, tag, access: 'user', minRole: 'manager', status: 204,
      summary: 'Delete a delivery address', params: AddressParams,
      handler: ({ params }) => customers.removeAddress(params.restaurantId, params.id, params.addressId),
    }),
  ];
}
