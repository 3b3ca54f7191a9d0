// Every Prisma call of delivery checking. Restaurant-scoped reads filter by restaurantId.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { GeocodeQualityLevel } from './types.ts';

export interface CachedGeocodeRow {
  formattedAddress: string | null;
  latitude: number | null;
  longitude: number | null;
  quality: GeocodeQualityLevel;
  placeId: string | null;
  postcode: string | null;
  city: string | null;
  raw: Prisma.InputJsonValue;
}

export function deliveryRepository(prisma: PrismaClient) {
  return {
    findRestaurant: (id: string) =>
      prisma.restaurant.findUnique({
        where: { id },
        select: { id: true, acceptsDelivery: true, latitude: true, longitude: true, prepLeadMinutes: true },
      }),
    activeZones: (restaurantId: string) =>
      prisma.deliveryZone.findMany({ where: { restaurantId, active: true }, orderBy: [{ priority: 'asc' }, { name: 'asc' }] }),
    findCustomerAddress: (restaurantId: string, id: string) =>
      prisma.customerAddress.findFirst({ where: { id, customer: { restaurantId } } }),
    findGeocode: (provider: string, queryKey: string, now: Date) =>
      prisma.geocodeCache.findFirst({ where: { provider, queryKey, expiresAt: { gt: now } } }),
    saveGeocode: (provider: string, queryKey: string, row: CachedGeocodeRow, at: { now: Date; expiresAt: Date }) =>
      prisma.geocodeCache.upsert({
        where: { provider_queryKey: { provider, queryKey } },
        create: { provider, queryKey, ...row, createdAt: at.now, expiresAt: at.expiresAt },
        update: { ...row, createdAt: at.now, expiresAt: at.expiresAt },
      }),
  };
}
export type DeliveryRepository = ReturnType<typeof deliveryRepository>;
export type DeliveryZoneRow = Awaited<ReturnType<DeliveryRepository['activeZones']>>[number];
