// Logins, browser sessions and service tokens. Secrets are random 32-byte
// values; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';
import { dummyHash, verifyPassword } from '../auth/password.ts';
import type { ApiTokenRepository, SessionRepository, UserRepository } from '../repositories/user-repository.ts';
import type { MeResponse } from '../contract/auth.ts';

export type MembershipRole = 'owner' | 'manager' | 'staff';

export type Principal =
  | { kind: 'user'; userId: string; isPlatformAdmin: boolean; roles: ReadonlyMap<string, MembershipRole> }
  | { kind: 'token'; tokenId: string; tokenKind: 'controller' | 'cli' | 'integration'; restaurantId: string | null };

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
export const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * The CSRF token of a session, derived from it rather than stored: another
 * site can neither read the session cookie nor compute this, so echoing it in
 * a header proves the request comes from our own page.
 */
export const csrfTokenFor = (sessionToken: string): string =>
  createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');

// A controller calls the API several times per second per call: its token is
// looked up once, then trusted from memory this long (a revoked token stops
// working within this delay), and its lastUsedAt is written at most this often.
export const TOKEN_CACHE_TTL_MS = 30_000;
export const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export function authService(deps: {
  users: UserRepository;
  sessions: SessionRepository;
  tokens: ApiTokenRepository;
  sessionTtlMs: number;
}) {
  const tokenCache = new Map<string, { principal: Principal | null; until: number }>();
  const touchedAt = new Map<string, number>();
  return {
    async login(email: string, password: string, now: Date, meta: { userAgent?: string | undefined; ip?: string | undefined }) {
      const user = await deps.users.findByEmail(email);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok || user.disabledAt) throw new AppError('unauthenticated', 'Email ou mot de passe incorrect');
      const token = newSecret();
      const expiresAt = new Date(now.getTime() + deps.sessionTtlMs);
      await deps.sessions.create({ userId: user.id, tokenHash: sha256(token), expiresAt, ...meta });
      await deps.users.touchLogin(user.id, now);
      return { token, csrfToken: csrfTokenFor(token), expiresAt, userId: user.id };
    },

    async logout(token: string, now: Date): Promise<void> {
      await deps.sessions.revoke(sha256(token), now);
    },

    async principalFromSession(token: string, now: Date): Promise<Principal | null> {
      const s = await deps.sessions.findActive(sha256(token), now);
      if (!s) return null;
      return {
        kind: 'user',
        userId: s.userId,
        isPlatformAdmin: s.user.isPlatformAdmin,
        roles: new Map(s.user.memberships.map((m) => [m.restaurantId, m.role])),
      };
    },

    async principalFromToken(token: string, now: Date): Promise<Principal | null> {
      const hash = sha256(token);
      const cached = tokenCache.get(hash);
      if (cached && cached.until > now.getTime()) return cached.principal;
      const t = await deps.tokens.findActive(hash, now);
      const principal: Principal | null = t ? { kind: 'token', tokenId: t.id, tokenKind: t.kind, restaurantId: t.restaurantId } : null;
      // Unknown tokens are not cached: a flood of random tokens must not grow memory.
      if (t) tokenCache.set(hash, { principal, until: now.getTime() + TOKEN_CACHE_TTL_MS });
      if (t && now.getTime() - (touchedAt.get(t.id) ?? 0) > TOKEN_TOUCH_INTERVAL_MS) {
        touchedAt.set(t.id, now.getTime());
        await deps.tokens.touch(t.id, now);
      }
      return principal;
    },

    async me(userId: string): Promise<MeResponse> {
      const u = await deps.users.findWithRestaurants(userId);
      if (!u) throw new AppError('unauthenticated', 'Session expired');
      const restaurants = u.isPlatformAdmin
        ? (await deps.users.allRestaurants()).map((r) => ({ ...r, role: u.memberships.find((m) => m.restaurantId === r.id)?.role ?? null }))
        : u.memberships.map((m) => ({ id: m.restaurant.id, slug: m.restaurant.slug, name: m.restaurant.name, role: m.role }));
      return {
        user: { id: u.id, email: u.email, name: u.name, isPlatformAdmin: u.isPlatformAdmin, locale: u.locale },
        restaurants,
      };
    },
  };
}
export type AuthService = ReturnType<typeof authService>;

/** The restaurants a principal may see, for a query that filters by them; null for all. */
export function restaurantScope(p: Principal): string[] | null {
  if (p.kind === 'token') return p.restaurantId === null ? null : [p.restaurantId];
  return p.isPlatformAdmin ? null : [...p.roles.keys()];
}

/** Throws unless the principal may act on the restaurant with at least `min` role. */
export function assertRestaurantAccess(p: Principal | undefined, restaurantId: string, min: MembershipRole = 'staff'): void {
  if (!p) throw new AppError('unauthenticated', 'Login required');
  if (p.kind === 'token') {
    if (p.restaurantId === null || p.restaurantId === restaurantId) return;
    // Like a user without membership: the token does not learn the restaurant exists.
    throw new AppError('not_found', 'Restaurant not found');
  }
  if (p.isPlatformAdmin) return;
  const role = p.roles.get(restaurantId);
  const rank: Record<MembershipRole, number> = { staff: 0, manager: 1, owner: 2 };
  if (role === undefined) throw new AppError('not_found', 'Restaurant not found');
  if (rank[role] < rank[min]) throw new AppError('forbidden', `This action needs the ${min} role`);
}
