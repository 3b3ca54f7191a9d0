import { AppError } from '../../errors.ts';
import type { Customer, CustomerAddress as AddressRow } from '../../generated/prisma/client.ts';
import type { CustomerRepository, CustomerSearch } from '../../repositories/operations/customer-repository.ts';
import { isUniqueViolation } from '../../repositories/operations/unique.ts';
import type {
  CustomerAddress, CustomerAddressCreateRequest, CustomerAddressUpdateRequest, CustomerCreateRequest, CustomerDetail,
  CustomerListItem, CustomerListQuery, CustomerPage, CustomerUpdateRequest,
} from '../../contract/operations.ts';
import { requireE164, toE164 } from './phone.ts';

const NOT_FOUND = "Ce client n'existe pas";
const DUPLICATE_PHONE = 'Un client avec ce numéro de téléphone existe déjà';
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toCustomerItem(c: Customer): CustomerListItem {
  return {
    id: c.id, phone: c.phone, firstName: c.firstName, lastName: c.lastName, email: c.email, locale: c.locale,
    notes: c.notes, allergies: c.allergies, allergyNotes: c.allergyNotes, marketingConsent: c.marketingConsent,
    consentAt: iso(c.consentAt), orderCount: c.orderCount, reservationCount: c.reservationCount, noShowCount: c.noShowCount,
    totalSpentCents: c.totalSpentCents, lastOrderAt: iso(c.lastOrderAt), lastCallAt: iso(c.lastCallAt), blocked: c.blocked,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toAddress(a: AddressRow): CustomerAddress {
  return {
    id: a.id, label: a.label, line1: a.line1, line2: a.line2, postcode: a.postcode, city: a.city, countryCode: a.countryCode,
    latitude: a.latitude, longitude: a.longitude, geocodeQuality: a.geocodeQuality,
    deliveryInstructions: a.deliveryInstructions, lastUsedAt: iso(a.lastUsedAt),
  };
}

/** A typed phone number matches exactly; otherwise words match names and digits match inside phones. */
export function customerSearchOf(q: string): CustomerSearch {
  const digits = q.replace(/\D/g, '');
  const looksLikePhone = /^[\d\s().+-]+$/.test(q);
  return {
    e164: looksLikePhone ? toE164(q) : null,
    words: looksLikePhone ? [] : q.split(/\s+/).filter(Boolean),
    // "0612" is stored as "+33612…": drop the French trunk zero before matching inside.
    digits: looksLikePhone && digits.length >= 3 ? digits.replace(/^0/, '') : null,
  };
}

/** consentAt records when consent was given: set on the change to true, cleared on false. */
function consentChange(current: Customer | null, consent: boolean | undefined, now: Date) {
  if (consent === undefined) return {};
  if (!consent) return { marketingConsent: false, consentAt: null };
  return { marketingConsent: true, consentAt: current?.marketingConsent ? current.consentAt : now };
}

export function customerService(repo: CustomerRepository) {
  async function get(restaurantId: string, id: string): Promise<Customer> {
    const c = await repo.find(restaurantId, id);
    if (!c) throw new AppError('not_found', NOT_FOUND);
    return c;
  }

  const service = {
    async list(restaurantId: string, q: CustomerListQuery): Promise<CustomerPage> {
      const { items, total } = await repo.list(restaurantId, q.q ? customerSearchOf(q.q) : null, q.page, q.pageSize);
      return { items: items.map(toCustomerItem), total, page: q.page, pageSize: q.pageSize };
    },

    async detail(restaurantId: string, id: string): Promise<CustomerDetail> {
      const c = await repo.findDetail(restaurantId, id);
      if (!c) throw new AppError('not_found', NOT_FOUND);
      return {
        ...toCustomerItem(c),
        addresses: c.addresses.map(toAddress),
        recentOrders: c.orders.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
        recentReservations: c.reservations.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() })),
        callCount: c._count.calls,
      };
    },

    async create(restaurantId: string, body: CustomerCreateRequest, now: Date): Promise<CustomerDetail> {
      const phone = requireE164(body.phone, 'phone');
      if (await repo.findByPhone(restaurantId, phone)) throw new AppError('conflict', DUPLICATE_PHONE);
      const { marketingConsent, phone: _typed, ...rest } = body;
      try {
        const c = await repo.create(restaurantId, { ...rest, phone, ...consentChange(null, marketingConsent, now) });
        return await service.detail(restaurantId, c.id);
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('conflict', DUPLICATE_PHONE);
        throw e;
      }
    },

    async update(restaurantId: string, id: string, body: CustomerUpdateRequest, now: Date): Promise<CustomerDetail> {
      const current = await get(restaurantId, id);
      const { marketingConsent, ...rest } = body;
      await repo.update(restaurantId, id, { ...rest, ...consentChange(current, marketingConsent, now) });
      return service.detail(restaurantId, id);
    },

    async erase(restaurantId: string, id: string): Promise<void> {
      const c = await get(restaurantId, id);
      if (!(await repo.erase(restaurantId, id, c.phone))) throw new AppError('not_found', NOT_FOUND);
    },

    async addAddress(restaurantId: string, customerId: string, body: CustomerAddressCreateRequest): Promise<CustomerAddress> {
      await get(restaurantId, customerId);
      const located = body.latitude != null && body.longitude != null;
      const a = await repo.createAddress(customerId, { ...body, geocodeQuality: located ? 'manual' : 'unknown' });
      return toAddress(a);
    },

    async updateAddress(restaurantId: string, customerId: string, addressId: string, body: CustomerAddressUpdateRequest): Promise<CustomerAddress> {
      // Coordinates typed by staff are trusted as such; a changed street without them is no longer located.
      const moved = body.line1 !== undefined || body.postcode !== undefined || body.city !== undefined;
      const located = body.latitude != null && body.longitude != null;
      const extra = located ? { geocodeQuality: 'manual' as const }
        : moved ? { geocodeQuality: 'unknown' as const, latitude: null, longitude: null, placeId: null } : {};
      const a = await repo.updateAddress(restaurantId, customerId, addressId, { ...body, ...extra });
      if (!a) throw new AppError('not_found', "Cette adresse n'existe pas");
      return toAddress(a);
    },

    async removeAddress(restaurantId: string, customerId: string, addressId: string): Promise<void> {
      if (!(await repo.deleteAddress(restaurantId, customerId, addressId))) throw new AppError('not_found', "Cette adresse n'existe pas");
    },
  };
  return service;
}
export type CustomerService = ReturnType<typeof customerService>;
