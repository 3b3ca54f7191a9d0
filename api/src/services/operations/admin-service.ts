import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors.ts';
import { hashPassword } from '../../auth/password.ts';
import { localDayOf } from '../../domain/calendar.ts';
import type { AdminRepository, AdminRestaurantRow } from '../../repositories/operations/admin-repository.ts';
import { isUniqueViolation } from '../../repositories/operations/unique.ts';
import { requireE164 } from './phone.ts';
import type {
  AdminRestaurant, AdminRestaurantCreateRequest, AdminRestaurantCreated, AdminRestaurantPage, AdminRestaurantUpdateRequest, OpsPageQuery,
} from '../../contract/operations.ts';

const SLUG_TAKEN = 'Cette adresse (slug) est déjà utilisée par un autre restaurant';
// Named like a zod error, so the form shows it under the slug.
const slugTaken = (message: string) => new AppError('conflict', message, { fields: [{ path: 'slug', message: 'already used by another restaurant' }] });

export function adminService(repo: AdminRepository) {
  async function withCounts(r: AdminRestaurantRow, now: Date): Promise<AdminRestaurant> {
    // "Today" is each restaurant's own local day.
    const day = localDayOf(now, r.timeZone);
    const today = await repo.countToday(r.id, day.start, day.end);
    return {
      id: r.id, slug: r.slug, name: r.name, city: r.city, timeZone: r.timeZone,
      suspendedAt: r.suspendedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(),
      todayOrders: today.orders, todayCalls: today.calls, activePhoneLines: r._count.phoneLines,
    };
  }
  async function one(id: string, now: Date): Promise<AdminRestaurant> {
    const r = await repo.find(id);
    if (!r) throw new AppError('not_found', 'Restaurant introuvable');
    return withCounts(r, now);
  }

  return {
    async list(q: OpsPageQuery, now: Date): Promise<AdminRestaurantPage> {
      const { items, total } = await repo.list(q.page, q.pageSize);
      return { items: await Promise.all(items.map((r) => withCounts(r, now))), total, page: q.page, pageSize: q.pageSize };
    },

    async create(body: AdminRestaurantCreateRequest, now: Date): Promise<AdminRestaurantCreated> {
      if (await repo.slugTaken(body.slug)) throw slugTaken(SLUG_TAKEN);
      const { owner, phone, ...restaurant } = body;
      const e164 = phone ? requireE164(phone, 'phone') : null;
      const existing = await repo.findUserByEmail(owner.email);
      // Shown once in this answer and never stored in clear; the owner changes it after logging in.
      const oneTimePassword = existing ? undefined : randomBytes(12).toString('base64url');
      const ownerInput = existing
        ? { userId: existing.id }
        : { email: owner.email, name: owner.name ?? owner.email, passwordHash: await hashPassword(oneTimePassword!) };
      try {
        const { restaurantId, userId } = await repo.createWithOwner({ ...restaurant, addressLine2: restaurant.addressLine2 ?? null, phone: e164 }, ownerInput);
        return {
          restaurant: await one(restaurantId, now),
          owner: { userId, email: owner.email, created: !existing, ...(oneTimePassword ? { oneTimePassword } : {}) },
        };
      } catch (e) {
        if (isUniqueViolation(e)) throw slugTaken(`${SLUG_TAKEN}, ou ce compte vient d'être créé`);
        throw e;
      }
    },

    async update(id: string, body: AdminRestaurantUpdateRequest, now: Date): Promise<AdminRestaurant> {
      const current = await repo.find(id);
      if (!current) throw new AppError('not_found', 'Restaurant introuvable');
      // Suspending twice keeps the first date.
      const suspendedAt = body.suspended ? (current.suspendedAt ?? now) : null;
      await repo.setSuspended(id, suspendedAt);
      return one(id, now);
    },
  };
}
export type AdminService = ReturnType<typeof adminService>;
