// Every catalog write goes through here: one transaction holds the change and
// its AuditLog row, and a name already taken becomes a French 409.
import { AppError } from '../../errors.ts';
import { isUniqueViolation, type CatalogRepos, type CatalogStore } from '../../repositories/catalog/store.ts';
import type { Actor } from './common.ts';

export interface Change<T> {
  action: 'create' | 'update' | 'delete';
  entityId: string;
  before?: unknown;
  after?: unknown;
  result: T;
}

export interface ChangeScope {
  restaurantId: string;
  actor: Actor;
  entityType: string;
  /** The message when a unique name is already taken. */
  conflict?: string | undefined;
}

// DTOs are plain JSON already; the round trip drops undefined values and
// gives Prisma the JSON type it asks for.
const asJson = (v: unknown) => (v === undefined || v === null ? undefined : JSON.parse(JSON.stringify(v)) as object);

export async function writeChange<T>(store: CatalogStore, scope: ChangeScope, work: (repos: CatalogRepos) => Promise<Change<T>>): Promise<T> {
  try {
    return await store.transaction(async (repos) => {
      const c = await work(repos);
      await repos.audit.write({
        restaurantId: scope.restaurantId, userId: scope.actor.userId, action: c.action,
        entityType: scope.entityType, entityId: c.entityId, before: asJson(c.before), after: asJson(c.after),
      });
      return c.result;
    });
  } catch (e) {
    if (scope.conflict !== undefined && isUniqueViolation(e)) throw new AppError('conflict', scope.conflict);
    throw e;
  }
}
