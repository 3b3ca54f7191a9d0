// A whole menu imported at once by the `voiceorder` CLI (JSON or CSV file):
// everything is matched by name, so importing the same file twice changes nothing.
import { z } from 'zod';
import {
  CatalogAllergen, CatalogCents, CatalogDietaryTag, CatalogName, CatalogOptText, catalogChecked, catalogUniqueList, type CatalogIssue,
} from './catalog-common.ts';
import { optionGroupIssues, withSelectDefaults } from './catalog-menu.ts';

const MenuImportOption = z.object({
  name: CatalogName,
  priceDeltaCents: z.number().int().min(-100000).max(1_000_000).default(0),
});

const MenuImportGroupFields = z.object({
  name: CatalogName,
  minSelect: z.number().int().min(0).max(50).optional(),
  maxSelect: z.number().int().min(1).max(50).optional(),
  required: z.boolean().optional(),
  /** The group's full list: options of an existing group left out of the file are removed. */
  options: z.array(MenuImportOption).max(100),
});
export const MenuImportOptionGroup = catalogChecked(MenuImportGroupFields, (g) => optionGroupIssues(withSelectDefaults(g)));
export type MenuImportOptionGroup = z.infer<typeof MenuImportGroupFields>;

/** A field left out keeps its stored value; `null` / `[]` clears it. */
export const MenuImportItem = z.object({
  name: CatalogName,
  priceCents: CatalogCents,
  description: CatalogOptText,
  allergens: catalogUniqueList(CatalogAllergen, 'allergens', 14).optional(),
  dietaryTags: catalogUniqueList(CatalogDietaryTag, 'dietary tags', 8).optional(),
  /** Names of option groups, from this file or already in the restaurant, in display order. */
  optionGroups: catalogUniqueList(CatalogName, 'option groups', 50).optional(),
});
export type MenuImportItem = z.infer<typeof MenuImportItem>;

export const MenuImportCategory = z.object({ name: CatalogName, items: z.array(MenuImportItem).max(1000) });
export type MenuImportCategory = z.infer<typeof MenuImportCategory>;

const MenuImportFields = z.object({
  categories: z.array(MenuImportCategory).min(1).max(200),
  optionGroups: z.array(MenuImportOptionGroup).max(200).optional(),
  /** Answers what would change, writing nothing. */
  dryRun: z.boolean().default(false),
});

/** A name given twice in the file would be imported twice over itself. */
function duplicateNames(body: z.infer<typeof MenuImportFields>): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const check = (seen: Set<string>, name: string, path: (string | number)[], what: string) => {
    if (seen.has(name)) issues.push({ path, message: `${what} "${name}" appears more than once in the file` });
    seen.add(name);
  };
  const categories = new Set<string>(), items = new Set<string>(), groups = new Set<string>();
  body.categories.forEach((c, ci) => {
    check(categories, c.name, ['categories', ci, 'name'], 'category');
    c.items.forEach((it, ii) => check(items, it.name, ['categories', ci, 'items', ii, 'name'], 'item'));
  });
  (body.optionGroups ?? []).forEach((g, gi) => check(groups, g.name, ['optionGroups', gi, 'name'], 'option group'));
  return issues;
}

export const MenuImportRequest = catalogChecked(MenuImportFields, duplicateNames);
export type MenuImportRequest = z.infer<typeof MenuImportFields>;
export type MenuImportInput = z.input<typeof MenuImportFields>;

const Counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type MenuImportCounts = z.infer<typeof Counts>;

export const MenuImportChange = z.object({
  entity: z.enum(['category', 'optionGroup', 'item']),
  action: z.enum(['create', 'update']),
  name: z.string(),
  /** For an update, the fields that change. */
  fields: z.array(z.string()),
});
export type MenuImportChange = z.infer<typeof MenuImportChange>;

export const MenuImportResult = z.object({
  dryRun: z.boolean(),
  categories: Counts,
  optionGroups: Counts,
  items: Counts,
  /** Every create and update, in the order they are applied. */
  changes: z.array(MenuImportChange),
});
export type MenuImportResult = z.infer<typeof MenuImportResult>;
