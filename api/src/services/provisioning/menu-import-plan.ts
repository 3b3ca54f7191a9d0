// What an imported menu changes, entity by entity, against what the
// restaurant has: pure comparisons, so "unchanged" means exactly that.
import type { MenuImportItem, MenuImportOptionGroup } from '../../contract/menu-import.ts';
import { withSelectDefaults } from '../../contract/catalog-menu.ts';
import type { CatalogIssue } from '../../contract/catalog-common.ts';
import type { ItemRow } from '../../repositories/catalog/menu-repository.ts';
import type { OptionGroupRow } from '../../repositories/catalog/option-group-repository.ts';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export interface GroupChange { minSelect: number; maxSelect: number; required: boolean; fields: string[] }

/** The fields of a stored group the file changes (options compared in order, by name and price). */
export function groupChange(row: OptionGroupRow, g: MenuImportOptionGroup): GroupChange {
  const want = withSelectDefaults(g);
  const fields: string[] = [];
  if (row.minSelect !== want.minSelect) fields.push('minSelect');
  if (row.maxSelect !== want.maxSelect) fields.push('maxSelect');
  if (row.required !== want.required) fields.push('required');
  const sameOptions = row.options.length === g.options.length
    && row.options.every((o, i) => o.name === g.options[i]?.name && o.priceDeltaCents === g.options[i]?.priceDeltaCents);
  if (!sameOptions) fields.push('options');
  return { minSelect: want.minSelect, maxSelect: want.maxSelect, required: want.required, fields };
}

export interface ItemWanted {
  categoryId: string;
  priceCents: number;
  description?: string | null | undefined;
  allergens?: MenuImportItem['allergens'];
  dietaryTags?: MenuImportItem['dietaryTags'];
  optionGroupIds?: string[] | undefined;
}

/**
 * The fields of a stored item the file changes; a field the file leaves out
 * is not compared. An archived item named in the file is back on the menu.
 */
export function itemChangedFields(row: ItemRow, want: ItemWanted): string[] {
  const fields: string[] = [];
  if (row.categoryId !== want.categoryId) fields.push('category');
  if (row.priceCents !== want.priceCents) fields.push('priceCents');
  if (want.description !== undefined && row.description !== want.description) fields.push('description');
  if (want.allergens && !sameSet(row.allergens, want.allergens)) fields.push('allergens');
  if (want.dietaryTags && !sameSet(row.dietaryTags, want.dietaryTags)) fields.push('dietaryTags');
  if (want.optionGroupIds && !sameList(row.optionGroups.map((g) => g.groupId), want.optionGroupIds)) fields.push('optionGroups');
  if (row.archived) fields.push('archived');
  return fields;
}

/** Items may name option groups of the file or of the restaurant, nothing else. */
export function unknownGroupIssues(
  categories: readonly { items: readonly MenuImportItem[] }[], known: ReadonlySet<string>,
): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  categories.forEach((c, ci) => c.items.forEach((it, ii) => (it.optionGroups ?? []).forEach((name, gi) => {
    if (!known.has(name)) {
      issues.push({ path: ['categories', ci, 'items', ii, 'optionGroups', gi], message: `Le groupe d'options « ${name} » n'existe pas` });
    }
  })));
  return issues;
}
