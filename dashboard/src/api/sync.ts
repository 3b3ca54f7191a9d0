// Typed calls for the external platform sync (Zenchef, TheFork); answers parsed with the API's contract.
import { z } from 'zod';
import {
  PlatformCatalogView, ReservationSyncBadges, SyncMappingView, SyncOutboxEntry, SyncOutboxPage, SyncPlatformView,
} from '../../../api/src/contract/index.ts';
import type { ConnectPlatformRequest, SyncMappingRequest, SyncPlatformName } from '../../../api/src/contract/index.ts';
import { json, qs, request, rpath } from './client.ts';

export type MappingBody = z.infer<typeof SyncMappingRequest>;
export type MappingView = z.infer<typeof SyncMappingView>;
export type OutboxStatus = SyncOutboxEntry['status'];

export const syncApi = {
  platforms: (rid: string) => request(rpath(rid, '/sync/platforms'), z.array(SyncPlatformView)),
  connect: (rid: string, platform: SyncPlatformName, body: ConnectPlatformRequest) =>
    request(rpath(rid, `/sync/platforms/${encodeURIComponent(platform)}`), SyncPlatformView, json(body, 'PUT')),
  outbox: (rid: string, q: { status?: OutboxStatus; page?: number; pageSize?: number }) =>
    request(rpath(rid, `/sync/outbox${qs(q)}`), SyncOutboxPage),
  retry: (rid: string, outboxId: string) =>
    request(rpath(rid, `/sync/outbox/${encodeURIComponent(outboxId)}/retry`), SyncOutboxEntry, { method: 'POST' }),
  mappings: (rid: string) => request(rpath(rid, '/sync/mappings'), z.array(SyncMappingView)),
  map: (rid: string, body: MappingBody) => request(rpath(rid, '/sync/mappings'), SyncMappingView, json(body, 'PUT')),
  /** The badges of a whole page of reservations in one request (up to MAX_BADGES_PER_REQUEST ids). */
  badges: (rid: string, reservationIds: string[]) =>
    request(rpath(rid, `/sync/reservations${qs({ ids: reservationIds.join(',') })}`), ReservationSyncBadges).then((r) => r.items),
  /** The platform's services, rooms and offers, read live; fails with the API's French reason. */
  catalog: (rid: string, platform: SyncPlatformName) =>
    request(rpath(rid, `/sync/platforms/${encodeURIComponent(platform)}/catalog`), PlatformCatalogView),
};
