import { z } from 'zod';
import { Cents, Id, IsoDateTime, Locale } from '../common.ts';
import { OpsPageQuery, opsPageOf } from './paging.ts';

/** EU Regulation 1169/2011, Annex II. */
export const AllergenCode = z.enum([
  'gluten', 'crustaceans', 'eggs', 'fish', 'peanuts', 'soybeans', 'milk',
  'nuts', 'celery', 'mustard', 'sesame', 'sulphites', 'lupin', 'molluscs',
]);

export const CustomerAddress = z.object({
  id: Id,
  label: z.string().nullable(),
  line1: z.string(),
  line2: z.string().nullable(),
  postcode: z.string(),
  city: z.string(),
  countryCode: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  geocodeQuality: z.enum(['exact', 'approximate', 'postcode_only', 'manual', 'unknown']),
  deliveryInstructions: z.string().nullable(),
  lastUsedAt: IsoDateTime.nullable(),
});
export type CustomerAddress = z.infer<typeof CustomerAddress>;

export const CustomerListItem = z.object({
  id: Id,
  phone: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  locale: Locale.nullable(),
  notes: z.string().nullable(),
  allergies: z.array(AllergenCode),
  allergyNotes: z.string().nullable(),
  marketingConsent: z.boolean(),
  consentAt: IsoDateTime.nullable(),
  orderCount: z.number().int(),
  reservationCount: z.number().int(),
  noShowCount: z.number().int(),
  totalSpentCents: Cents,
  lastOrderAt: IsoDateTime.nullable(),
  lastCallAt: IsoDateTime.nullable(),
  blocked: z.boolean(),
  createdAt: IsoDateTime,
});
export type CustomerListItem = z.infer<typeof CustomerListItem>;
export const CustomerPage = opsPageOf(CustomerListItem);
export type CustomerPage = z.infer<typeof CustomerPage>;

/** `q` matches names, or the phone: "06 12 34 56 78" finds +33612345678. */
export const CustomerListQuery = OpsPageQuery.extend({ q: z.string().trim().max(100).optional() });
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export const CustomerDetail = CustomerListItem.extend({
  addresses: z.array(CustomerAddress),
  recentOrders: z.array(z.object({
    id: Id, number: z.number().int(), type: z.string(), status: z.string(), totalCents: Cents, createdAt: IsoDateTime,
  })),
  recentReservations: z.array(z.object({
    id: Id, startsAt: IsoDateTime, partySize: z.number().int(), status: z.string(),
  })),
  callCount: z.number().int(),
});
export type CustomerDetail = z.infer<typeof CustomerDetail>;

const name = z.string().trim().min(1).max(100);
const CustomerFields = z.object({
  firstName: name.nullable(),
  lastName: name.nullable(),
  email: z.string().trim().toLowerCase().email().max(200).nullable(),
  locale: Locale.nullable(),
  notes: z.string().trim().max(2000).nullable(),
  allergies: z.array(AllergenCode).max(14),
  allergyNotes: z.string().trim().max(1000).nullable(),
  marketingConsent: z.boolean(),
  blocked: z.boolean(),
});

/** The phone is normalised to E.164 (French numbers by default). */
export const CustomerCreateRequest = CustomerFields.partial().extend({ phone: z.string().trim().min(4).max(40) });
export type CustomerCreateRequest = z.infer<typeof CustomerCreateRequest>;

/** Consent on sets `consentAt` to now; consent off clears it. */
export const CustomerUpdateRequest = CustomerFields.partial();
export type CustomerUpdateRequest = z.infer<typeof CustomerUpdateRequest>;

const AddressFields = z.object({
  label: z.string().trim().max(50).nullable(),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).nullable(),
  postcode: z.string().trim().min(2).max(12),
  city: z.string().trim().min(1).max(100),
  countryCode: z.string().trim().length(2).toUpperCase(),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  deliveryInstructions: z.string().trim().max(500).nullable(),
});
export const CustomerAddressCreateRequest = AddressFields.partial().required({ line1: true, postcode: true, city: true });
export type CustomerAddressCreateRequest = z.infer<typeof CustomerAddressCreateRequest>;
export const CustomerAddressUpdateRequest = AddressFields.partial();
export type CustomerAddressUpdateRequest = z.infer<typeof CustomerAddressUpdateRequest>;
