// Typed calls for the catalog pages and the stats; each answer is parsed with the API's contract schema.
import type { z } from 'zod';
import {
  ClosureDto, ClosurePage, DeliveryZoneDto, DeliveryZonePage, DiningRoomDto, DiningRoomPage, DiningServiceDto,
  DiningServicePage, DiningTableDto, DiningTablePage, FormulaDto, FormulaPage, OfferDto, OfferPage, OpeningHoursList,
  StatsResponse,
} from '../../../api/src/contract/index.ts';
import type {
  ClosureBody, DeliveryZoneBody, DiningRoomBody, DiningServiceBody, DiningTableBody, FormulaBody, OfferBody,
  OpeningHoursPutBody, StatsQuery,
} from '../../../api/src/contract/index.ts';
import { json, qs, request, rpath } from './client.ts';

interface Page<D> { items: D[]; total: number; page: number; pageSize: number }

/** The five calls every catalog entity answers (list, create, update, delete), under one sub-path. */
function crud<D, B>(sub: string, dto: z.ZodType<D>, page: z.ZodType<Page<D>>) {
  const one = (rid: string, id: string) => rpath(rid, `${sub}/${encodeURIComponent(id)}`);
  return {
    list: (rid: string, query: Parameters<typeof qs>[0] = {}) => request(rpath(rid, `${sub}${qs({ pageSize: 200, ...query })}`), page),
    create: (rid: string, body: B) => request(rpath(rid, sub), dto, json(body)),
    update: (rid: string, id: string, body: Partial<B>) => request(one(rid, id), dto, json(body, 'PATCH')),
    remove: (rid: string, id: string) => request<void>(one(rid, id), null, { method: 'DELETE' }),
  };
}

export const formulasApi = crud<FormulaDto, FormulaBody>('/menu/formulas', FormulaDto, FormulaPage);
export const servicesApi = crud<DiningServiceDto, DiningServiceBody>('/services', DiningServiceDto, DiningServicePage);
export const offersApi = crud<OfferDto, OfferBody>('/offers', OfferDto, OfferPage);
export const roomsApi = crud<DiningRoomDto, DiningRoomBody>('/rooms', DiningRoomDto, DiningRoomPage);
export const tablesApi = crud<DiningTableDto, DiningTableBody>('/tables', DiningTableDto, DiningTablePage);
export const zonesApi = crud<DeliveryZoneDto, DeliveryZoneBody>('/delivery-zones', DeliveryZoneDto, DeliveryZonePage);
export const closuresApi = crud<ClosureDto, ClosureBody>('/closures', ClosureDto, ClosurePage);

export const hoursApi = {
  get: (rid: string) => request(rpath(rid, '/opening-hours'), OpeningHoursList),
  put: (rid: string, body: OpeningHoursPutBody) => request(rpath(rid, '/opening-hours'), OpeningHoursList, json(body, 'PUT')),
};

export const statsApi = {
  get: (rid: string, q: Partial<StatsQuery>) => request(rpath(rid, `/stats${qs(q)}`), StatsResponse),
};
