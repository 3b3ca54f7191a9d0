// Small helpers shared by the catalog services.
import { AppError } from '../../errors.ts';
import type { Principal } from '../auth-service.ts';
import type { CatalogIssue } from '../../contract/catalog-common.ts';
import type { CatalogRepos, RefKind } from '../../repositories/catalog/store.ts';

/** Who makes a change, for the audit trail. */
export interface Actor { userId: string | null }
export const actorOf = (p: Principal | undefined): Actor => ({ userId: p?.kind === 'user' ? p.userId : null });

export interface PageQuery { page: number; pageSize: number }
export const paged = <T>(items: T[], total: number, q: PageQuery) => ({ items, total, page: q.page, pageSize: q.pageSize });

export const iso = (d: Date): string => d.toISOString();

/** A merged PATCH broke a cross-field rule: the same 400 the route gives for a bad body. */
export function assertNoIssues(issues: CatalogIssue[]): void {
  if (issues.length === 0) return;
  const fields = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError('validation_failed', `Invalid request: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
}

export function found<T>(row: T | null | undefined, message: string): T {
  if (!row) throw new AppError('not_found', message);
  return row;
}

/**
 * Refuses ids of another restaurant (or of nothing) as "not found": a
 * foreign id is never linked, and its existence is not revealed.
 */
export async function assertOwned(repos: CatalogRepos, kind: RefKind, restaurantId: string, ids: readonly string[], message: string): Promise<void> {
  const missing = await repos.refs.missing(kind, restaurantId, ids);
  if (missing.length) throw new AppError('not_found', message, { ids: missing });
}

/** Keeps the keys whose value is not undefined (a PATCH leaves the others alone). */
export function defined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
