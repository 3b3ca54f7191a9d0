// All catalog repositories, bound to the client or to one transaction, plus
// the audit trail and the "does this id belong to the restaurant" lookups.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { Db } from './db.ts';
import { formulaRepository } from './formula-repository.ts';
import { categoryRepository, itemRepository } from './menu-repository.ts';
import { optionGroupRepository } from './option-group-repository.ts';
import { roomRepository, tableRepository } from './room-repository.ts';
import { diningServiceRepository, offerRepository } from './venue-repository.ts';
import { closureRepository, hoursRepository, zoneRepository } from './zone-repository.ts';

export interface AuditEntry {
  restaurantId: string;
  userId: string | null;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  before: Prisma.InputJsonValue | undefined;
  after: Prisma.InputJsonValue | undefined;
}

export type RefKind = 'category' | 'item' | 'optionGroup' | 'formula' | 'service' | 'room';

function refRepository(db: Db) {
  const find = (kind: RefKind, restaurantId: string, ids: string[]): Promise<Array<{ id: string }>> => {
    const args = { where: { id: { in: ids }, restaurantId }, select: { id: true } } as const;
    switch (kind) {
      case 'category': return db.menuCategory.findMany(args);
      case 'item': return db.menuItem.findMany(args);
      case 'optionGroup': return db.optionGroup.findMany(args);
      case 'formula': return db.formula.findMany(args);
      case 'service': return db.diningService.findMany(args);
      case 'room': return db.diningRoom.findMany(args);
    }
  };
  return {
    /** The ids among `ids` that do NOT belong to the restaurant. */
    async missing(kind: RefKind, restaurantId: string, ids: readonly string[]): Promise<string[]> {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return [];
      const found = new Set((await find(kind, restaurantId, wanted)).map((r) => r.id));
      return wanted.filter((id) => !found.has(id));
    },
  };
}

function bind(db: Db) {
  return {
    categories: categoryRepository(db),
    items: itemRepository(db),
    optionGroups: optionGroupRepository(db),
    formulas: formulaRepository(db),
    services: diningServiceRepository(db),
    offers: offerRepository(db),
    rooms: roomRepository(db),
    tables: tableRepository(db),
    zones: zoneRepository(db),
    hours: hoursRepository(db),
    closures: closureRepository(db),
    refs: refRepository(db),
    audit: {
      write: (e: AuditEntry) => db.auditLog.create({ data: e, select: { id: true } }),
    },
  };
}
export type CatalogRepos = ReturnType<typeof bind>;

export function catalogStore(prisma: PrismaClient) {
  return {
    ...bind(prisma),
    transaction: <T>(fn: (repos: CatalogRepos) => Promise<T>): Promise<T> => prisma.$transaction((tx) => fn(bind(tx))),
  };
}
export type CatalogStore = ReturnType<typeof catalogStore>;
export { isUniqueViolation } from './db.ts';
