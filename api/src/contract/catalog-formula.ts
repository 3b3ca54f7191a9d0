// Set menus (formules): a fixed price and courses to choose from.
import { z } from 'zod';
import { Id } from './common.ts';
import {
  CatalogCents, CatalogIdList, CatalogName, CatalogOptName, CatalogOptText, CatalogPageQuery, CatalogSearch,
  CatalogSortOrder, CatalogWeekdays, CatalogQueryBool, CatalogTimestamps, catalogPage, catalogChecked, type CatalogIssue,
} from './catalog-common.ts';

const ChoiceFields = z.object({
  itemId: Id,
  /** Extra charged when this item is picked (a premium pizza in the lunch menu). */
  supplementCents: CatalogCents.optional(),
});

const StepFields = catalogChecked(z.object({
  name: CatalogName,
  nameEn: CatalogOptName,
  minChoices: z.number().int().min(0).max(20).optional(),
  maxChoices: z.number().int().min(1).max(20).optional(),
  choices: z.array(ChoiceFields).min(1).max(100),
}), (s) => {
  const min = s.minChoices ?? 1, max = s.maxChoices ?? 1;
  const issues: CatalogIssue[] = [];
  if (min > max) issues.push({ path: ['minChoices'], message: 'minChoices must not exceed maxChoices' });
  if (min > s.choices.length) issues.push({ path: ['minChoices'], message: 'more choices required than the step offers' });
  const ids = s.choices.map((c) => c.itemId);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) issues.push({ path: ['choices', i, 'itemId'], message: 'an item appears twice in the step' });
  });
  return issues;
});
export type FormulaStepBody = z.infer<typeof StepFields>;

const FormulaFields = z.object({
  name: CatalogName,
  nameEn: CatalogOptName,
  description: CatalogOptText,
  priceCents: CatalogCents,
  available: z.boolean().optional(),
  /** ISO weekdays (1 = Monday) when offered; empty = every day. */
  weekdays: CatalogWeekdays.optional(),
  /** Dining services when offered; empty = any time. */
  serviceIds: CatalogIdList.optional(),
  sortOrder: CatalogSortOrder.optional(),
  /** The courses in order; on PATCH the whole tree is replaced. */
  steps: z.array(StepFields).min(1).max(10),
});
export const FormulaBody = FormulaFields;
export type FormulaBody = z.infer<typeof FormulaBody>;
export const FormulaPatchBody = FormulaFields.partial();
export type FormulaPatchBody = z.infer<typeof FormulaPatchBody>;
export const FormulaListQuery = CatalogPageQuery.extend({ available: CatalogQueryBool.optional(), q: CatalogSearch.optional() });
export type FormulaListQuery = z.infer<typeof FormulaListQuery>;

export const FormulaDto = z.object({
  id: Id, restaurantId: Id, name: z.string(), nameEn: z.string().nullable(), description: z.string().nullable(),
  priceCents: z.number().int(), available: z.boolean(), weekdays: z.array(z.number().int()), serviceIds: z.array(Id),
  sortOrder: z.number().int(),
  steps: z.array(z.object({
    id: Id, name: z.string(), nameEn: z.string().nullable(), minChoices: z.number().int(), maxChoices: z.number().int(),
    sortOrder: z.number().int(),
    choices: z.array(z.object({ itemId: Id, supplementCents: z.number().int() })),
  })),
  ...CatalogTimestamps,
});
export type FormulaDto = z.infer<typeof FormulaDto>;
export const FormulaPage = catalogPage(FormulaDto);
export type FormulaPage = z.infer<typeof FormulaPage>;
