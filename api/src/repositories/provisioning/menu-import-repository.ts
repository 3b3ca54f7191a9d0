// The catalog repositories a menu import needs, bound to one transaction that
// may last longer than Prisma's 5 s default: a full menu is hundreds of writes.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { Db } from '../catalog/db.ts';
import { categoryRepository, itemRepository } from '../catalog/menu-repository.ts';
import { optionGroupRepository } from '../catalog/option-group-repository.ts';
import type { AuditEntry } from '../catalog/store.ts';

const IMPORT_TIMEOUT_MS = 60_000;

function bind(db: Db) {
  return {
    categories: categoryRepository(db),
    items: itemRepository(db),
    optionGroups: optionGroupRepository(db),
    audit: { write: (e: AuditEntry) => db.auditLog.create({ data: e, select: { id: true } }) },
  };
}
export type MenuImportRepos = ReturnType<typeof bind>;

export function menuImportRepository(prisma: PrismaClient) {
  return {
    transaction: <T>(fn: (repos: MenuImportRepos) => Promise<T>): Promise<T> =>
      prisma.$transaction((tx: Prisma.TransactionClient) => fn(bind(tx)), { timeout: IMPORT_TIMEOUT_MS, maxWait: 10_000 }),
  };
}
export type MenuImportRepository = ReturnType<typeof menuImportRepository>;
export { isUniqueViolation } from '../catalog/db.ts';
