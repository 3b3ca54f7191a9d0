// Formulas (set menus) with their step tree.
import type { Prisma } from '../../generated/prisma/client.ts';
import { insensitive, pageArgs, type Db, type PageArgs } from './db.ts';

const formulaInclude = {
  steps: {
    orderBy: { sortOrder: 'asc' },
    include: { choices: { select: { itemId: true, supplementCents: true }, orderBy: { item: { sortOrder: 'asc' } } } },
  },
} as const satisfies Prisma.FormulaInclude;
export type FormulaRow = Prisma.FormulaGetPayload<{ include: typeof formulaInclude }>;

export interface StepData {
  name: string; nameEn?: string | null | undefined; minChoices: number; maxChoices: number; sortOrder: number;
  choices: Array<{ itemId: string; supplementCents: number }>;
}
type FormulaData = Omit<Prisma.FormulaUncheckedCreateInput, 'restaurantId' | 'steps' | 'id'>;

const stepCreates = (steps: readonly StepData[]) =>
  steps.map(({ choices, ...s }) => ({ ...s, choices: { create: choices } }));

export function formulaRepository(db: Db) {
  const where = (restaurantId: string, f: { available?: boolean | undefined; q?: string | undefined }): Prisma.FormulaWhereInput => ({
    restaurantId,
    ...(f.available === undefined ? {} : { available: f.available }),
    ...(f.q ? { OR: [{ name: insensitive(f.q) }, { nameEn: insensitive(f.q) }] } : {}),
  });
  return {
    list: (restaurantId: string, f: { available?: boolean | undefined; q?: string | undefined }, p: PageArgs) => Promise.all([
      db.formula.findMany({ where: where(restaurantId, f), include: formulaInclude, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], ...pageArgs(p) }),
      db.formula.count({ where: where(restaurantId, f) }),
    ]),
    find: (restaurantId: string, id: string) => db.formula.findFirst({ where: { id, restaurantId }, include: formulaInclude }),
    create: (restaurantId: string, data: FormulaData, steps: readonly StepData[]) =>
      db.formula.create({ data: { ...data, restaurantId, steps: { create: stepCreates(steps) } }, include: formulaInclude }),
    /** With `steps`, the old step tree is deleted and the new one created in the same statement. */
    update: (restaurantId: string, id: string, data: Prisma.FormulaUncheckedUpdateInput, steps?: readonly StepData[]) =>
      db.formula.update({
        where: { id, restaurantId },
        data: { ...data, ...(steps ? { steps: { deleteMany: {}, create: stepCreates(steps) } } : {}) },
        include: formulaInclude,
      }),
    delete: (restaurantId: string, id: string) => db.formula.delete({ where: { id, restaurantId } }),
    offerUsing: (restaurantId: string, formulaId: string) =>
      db.offer.findFirst({ where: { restaurantId, formulaId }, select: { name: true } }),
  };
}
