// Services, offers, rooms, tables, delivery zones, opening hours, closures.
import {
  ClosureBody, ClosureDto, ClosureListQuery, ClosurePage, ClosurePatchBody,
  DeliveryZoneBody, DeliveryZoneDto, DeliveryZoneListQuery, DeliveryZonePage, DeliveryZonePatchBody,
  DiningRoomBody, DiningRoomDto, DiningRoomListQuery, DiningRoomPage, DiningRoomPatchBody,
  DiningServiceBody, DiningServiceDto, DiningServiceListQuery, DiningServicePage, DiningServicePatchBody,
  DiningTableBody, DiningTableDto, DiningTableListQuery, DiningTablePage, DiningTablePatchBody,
  OfferBody, OfferDto, OfferListQuery, OfferPage, OfferPatchBody, OpeningHoursList, OpeningHoursPutBody,
} from '../../../contract/catalog.ts';
import type { CatalogStore } from '../../../repositories/catalog/store.ts';
import { actorOf } from '../../../services/catalog/common.ts';
import { diningServiceService } from '../../../services/catalog/dining-service-service.ts';
import { closureService, hoursService } from '../../../services/catalog/hours-service.ts';
import { offerService } from '../../../services/catalog/offer-service.ts';
import { roomService, tableService } from '../../../services/catalog/room-service.ts';
import { zoneService } from '../../../services/catalog/zone-service.ts';
import { route, type AnyRouteSpec } from '../../route.ts';
import { crudRoutes, RestaurantParams } from './crud.ts';

export function venueRoutes(store: CatalogStore): AnyRouteSpec[] {
  const hours = hoursService(store);
  const hoursPath = '/restaurants/:restaurantId/opening-hours';
  return [
    ...crudRoutes({
      path: '/services', tag: 'services', noun: 'a dining service', service: diningServiceService(store),
      query: DiningServiceListQuery, body: DiningServiceBody, patch: DiningServicePatchBody, dto: DiningServiceDto, page: DiningServicePage,
      deleteSummary: 'Delete a dining service; refused (409) while a formula or an offer is limited to it',
    }),
    ...crudRoutes({
      path: '/offers', tag: 'offers', noun: 'an offer', service: offerService(store),
      query: OfferListQuery, body: OfferBody, patch: OfferPatchBody, dto: OfferDto, page: OfferPage,
    }),
    ...crudRoutes({
      path: '/rooms', tag: 'rooms', noun: 'a dining room', service: roomService(store),
      query: DiningRoomListQuery, body: DiningRoomBody, patch: DiningRoomPatchBody, dto: DiningRoomDto, page: DiningRoomPage,
      deleteSummary: 'Delete a dining room; refused (409) while it still has tables',
    }),
    ...crudRoutes({
      path: '/tables', tag: 'rooms', noun: 'a table', service: tableService(store),
      query: DiningTableListQuery, body: DiningTableBody, patch: DiningTablePatchBody, dto: DiningTableDto, page: DiningTablePage,
      deleteSummary: 'Delete a table; a table already booked is deactivated instead (active=false) to keep its reservations',
    }),
    ...crudRoutes({
      path: '/delivery-zones', tag: 'delivery', noun: 'a delivery zone', service: zoneService(store),
      query: DeliveryZoneListQuery, body: DeliveryZoneBody, patch: DeliveryZonePatchBody, dto: DeliveryZoneDto, page: DeliveryZonePage,
    }),
    route({
      method: 'get', path: hoursPath, tag: 'hours', access: 'user', minRole: 'staff',
      summary: 'The weekly opening hours', params: RestaurantParams, response: OpeningHoursList,
      handler: ({ params }) => hours.get(params.restaurantId),
    }),
    route({
      method: 'put', path: hoursPath, tag: 'hours', access: 'user', minRole: 'manager',
      summary: 'Replace the whole week of opening hours at once (an empty list closes every day)',
      params: RestaurantParams, body: OpeningHoursPutBody, response: OpeningHoursList,
      handler: ({ params, body, principal }) => hours.put(params.restaurantId, body, actorOf(principal)),
    }),
    ...crudRoutes({
      path: '/closures', tag: 'hours', noun: 'a closure or exceptional opening', service: closureService(store),
      query: ClosureListQuery, body: ClosureBody, patch: ClosurePatchBody, dto: ClosureDto, page: ClosurePage,
    }),
  ];
}
