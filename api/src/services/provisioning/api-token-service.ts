// Service tokens for the controller, the CLI and integrations. The token is
// returned once at creation; only its SHA-256 is kept, as for sessions.
import { AppError } from '../../errors.ts';
import { newSecret, sha256 } from '../auth-service.ts';
import type { ApiToken, ApiTokenKind } from '../../generated/prisma/client.ts';
import type { ApiTokenAdminRepository } from '../../repositories/provisioning/api-token-repository.ts';
import type { ApiTokenCreated, ApiTokenPage, ApiTokenView } from '../../contract/provisioning.ts';

/** Recognisable in logs and secret scanners, like GitHub's ghp_. */
export const TOKEN_PREFIX = 'vo_';
// Enough to tell tokens apart in a list, far too little to guess the rest.
const SHOWN_PREFIX_CHARS = 8;
const NOT_FOUND = "Ce jeton n'existe pas";
const NO_RESTAURANT = "Ce restaurant n'existe pas";

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function toApiTokenView(t: ApiToken): ApiTokenView {
  return {
    id: t.id, name: t.name, kind: t.kind, prefix: t.prefix, restaurantId: t.restaurantId,
    createdAt: t.createdAt.toISOString(), lastUsedAt: iso(t.lastUsedAt), expiresAt: iso(t.expiresAt), revokedAt: iso(t.revokedAt),
  };
}

export interface TokenSpec {
  name: string;
  kind: ApiTokenKind;
  restaurantId: string | null;
  createdById: string | null;
  expiresAt: Date | null;
}

export function apiTokenService(repo: ApiTokenAdminRepository) {
  return {
    async create(spec: TokenSpec, now: Date): Promise<ApiTokenCreated> {
      if (spec.expiresAt && spec.expiresAt <= now) throw new AppError('bad_request', "La date d'expiration est déjà passée");
      if (spec.restaurantId !== null && !(await repo.restaurantExists(spec.restaurantId))) throw new AppError('not_found', NO_RESTAURANT);
      const token = `${TOKEN_PREFIX}${newSecret()}`;
      const row = await repo.create({ ...spec, tokenHash: sha256(token), prefix: token.slice(0, SHOWN_PREFIX_CHARS) });
      return { ...toApiTokenView(row), token };
    },

    async list(restaurantId: string | undefined, q: { page: number; pageSize: number }): Promise<ApiTokenPage> {
      const { items, total } = await repo.page(restaurantId, (q.page - 1) * q.pageSize, q.pageSize);
      return { items: items.map(toApiTokenView), total, page: q.page, pageSize: q.pageSize };
    },

    /** Idempotent: revoking a revoked token is fine; an unknown (or foreign) one is 404. */
    async revoke(restaurantId: string | undefined, id: string, now: Date): Promise<undefined> {
      if (!(await repo.revoke(restaurantId, id, now)) && !(await repo.exists(restaurantId, id))) throw new AppError('not_found', NOT_FOUND);
      return undefined;
    },

    restaurantIdBySlug: (slug: string) => repo.restaurantIdBySlug(slug),
  };
}
export type ApiTokenService = ReturnType<typeof apiTokenService>;
