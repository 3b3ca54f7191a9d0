// Option groups and their options.
import type { Prisma } from '../../generated/prisma/client.ts';
import { insensitive, pageArgs, type Db, type PageArgs } from './db.ts';

const groupInclude = { options: { orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] } } as const satisfies Prisma.OptionGroupInclude;
export type OptionGroupRow = Prisma.OptionGroupGetPayload<{ include: typeof groupInclude }>;
export type OptionData = Omit<Prisma.OptionUncheckedCreateInput, 'groupId' | 'id'>;

export function optionGroupRepository(db: Db) {
  const where = (restaurantId: string, q: string | undefined): Prisma.OptionGroupWhereInput => ({
    restaurantId, ...(q ? { OR: [{ name: insensitive(q) }, { nameEn: insensitive(q) }] } : {}),
  });
  return {
    list: (restaurantId: string, f: { q?: string | undefined }, p: PageArgs) => Promise.all([
      db.optionGroup.findMany({ where: where(restaurantId, f.q), include: groupInclude, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], ...pageArgs(p) }),
      db.optionGroup.count({ where: where(restaurantId, f.q) }),
    ]),
    find: (restaurantId: string, id: string) => db.optionGroup.findFirst({ where: { id, restaurantId }, include: groupInclude }),
    create: (restaurantId: string, data: Omit<Prisma.OptionGroupUncheckedCreateInput, 'restaurantId' | 'options'>, options: OptionData[]) =>
      db.optionGroup.create({ data: { ...data, restaurantId, options: { create: options } }, include: groupInclude }),
    update: (restaurantId: string, id: string, data: Prisma.OptionGroupUncheckedUpdateInput) =>
      db.optionGroup.update({ where: { id, restaurantId }, data, include: groupInclude }),
    /**
     * Makes the group's options exactly `keep` (updated in place, ids kept)
     * plus `add`; the caller has checked that every kept id is in the group.
     */
    async replaceOptions(groupId: string, keep: Array<OptionData & { id: string }>, add: OptionData[]): Promise<void> {
      await db.option.deleteMany({ where: { groupId, id: { notIn: keep.map((o) => o.id) } } });
      for (const { id, ...data } of keep) await db.option.update({ where: { id, groupId }, data });
      if (add.length) await db.option.createMany({ data: add.map((o) => ({ ...o, groupId })) });
    },
    delete: (restaurantId: string, id: string) => db.optionGroup.delete({ where: { id, restaurantId } }),
  };
}
