// Menu categories and items.
import type { Prisma } from '../../generated/prisma/client.ts';
import { insensitive, pageArgs, type Db, type PageArgs } from './db.ts';

export interface CategoryFilter { active?: boolean | undefined; q?: string | undefined }
export interface ItemFilter {
  categoryId?: string | undefined; available?: boolean | undefined; archived?: boolean | undefined; q?: string | undefined;
}

const categoryInclude = { _count: { select: { items: true } } } as const satisfies Prisma.MenuCategoryInclude;
export type CategoryRow = Prisma.MenuCategoryGetPayload<{ include: typeof categoryInclude }>;

const itemInclude = {
  optionGroups: { select: { groupId: true }, orderBy: { sortOrder: 'asc' } },
} as const satisfies Prisma.MenuItemInclude;
export type ItemRow = Prisma.MenuItemGetPayload<{ include: typeof itemInclude }>;

type ItemData = Omit<Prisma.MenuItemUncheckedCreateInput, 'restaurantId' | 'optionGroups' | 'id'>;
const groupLinks = (groupIds: readonly string[]) => groupIds.map((groupId, sortOrder) => ({ groupId, sortOrder }));

export function categoryRepository(db: Db) {
  const where = (restaurantId: string, f: CategoryFilter): Prisma.MenuCategoryWhereInput => ({
    restaurantId,
    ...(f.active === undefined ? {} : { active: f.active }),
    ...(f.q ? { OR: [{ name: insensitive(f.q) }, { nameEn: insensitive(f.q) }] } : {}),
  });
  return {
    list: (restaurantId: string, f: CategoryFilter, p: PageArgs) => Promise.all([
      db.menuCategory.findMany({
        where: where(restaurantId, f), include: categoryInclude, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], ...pageArgs(p),
      }),
      db.menuCategory.count({ where: where(restaurantId, f) }),
    ]),
    find: (restaurantId: string, id: string) =>
      db.menuCategory.findFirst({ where: { id, restaurantId }, include: categoryInclude }),
    create: (restaurantId: string, data: Omit<Prisma.MenuCategoryUncheckedCreateInput, 'restaurantId'>) =>
      db.menuCategory.create({ data: { ...data, restaurantId }, include: categoryInclude }),
    update: (restaurantId: string, id: string, data: Prisma.MenuCategoryUncheckedUpdateInput) =>
      db.menuCategory.update({ where: { id, restaurantId }, data, include: categoryInclude }),
    delete: (restaurantId: string, id: string) => db.menuCategory.delete({ where: { id, restaurantId } }),
  };
}

export function itemRepository(db: Db) {
  const where = (restaurantId: string, f: ItemFilter): Prisma.MenuItemWhereInput => ({
    restaurantId,
    archived: f.archived ?? false,
    ...(f.categoryId ? { categoryId: f.categoryId } : {}),
    ...(f.available === undefined ? {} : { available: f.available }),
    ...(f.q ? { OR: [{ name: insensitive(f.q) }, { nameEn: insensitive(f.q) }] } : {}),
  });
  return {
    list: (restaurantId: string, f: ItemFilter, p: PageArgs) => Promise.all([
      db.menuItem.findMany({
        where: where(restaurantId, f), include: itemInclude,
        orderBy: [{ category: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { name: 'asc' }], ...pageArgs(p),
      }),
      db.menuItem.count({ where: where(restaurantId, f) }),
    ]),
    find: (restaurantId: string, id: string) => db.menuItem.findFirst({ where: { id, restaurantId }, include: itemInclude }),
    findByName: (restaurantId: string, name: string) =>
      db.menuItem.findFirst({ where: { restaurantId, name }, select: { id: true, archived: true } }),
    create: (restaurantId: string, data: ItemData, groupIds: readonly string[]) =>
      db.menuItem.create({
        data: { ...data, restaurantId, optionGroups: { create: groupLinks(groupIds) } }, include: itemInclude,
      }),
    update: (restaurantId: string, id: string, data: Prisma.MenuItemUncheckedUpdateInput, groupIds?: readonly string[]) =>
      db.menuItem.update({
        where: { id, restaurantId },
        data: { ...data, ...(groupIds ? { optionGroups: { deleteMany: {}, create: groupLinks(groupIds) } } : {}) },
        include: itemInclude,
      }),
    delete: (restaurantId: string, id: string) => db.menuItem.delete({ where: { id, restaurantId } }),
    countOrderLines: (restaurantId: string, itemId: string) => db.orderItem.count({ where: { menuItemId: itemId, order: { restaurantId } } }),
    /** A formula that offers the item, if any. */
    formulaUsing: (restaurantId: string, itemId: string) =>
      db.formula.findFirst({ where: { restaurantId, steps: { some: { choices: { some: { itemId } } } } }, select: { name: true } }),
  };
}
