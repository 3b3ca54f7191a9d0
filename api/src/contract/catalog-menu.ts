// The menu as the restaurateur edits it: categories, items, option groups.
import { z } from 'zod';
import { Id } from './common.ts';
import {
  CatalogAllergen, CatalogCents, CatalogDietaryTag, CatalogIdList, CatalogName, CatalogOptName, CatalogOptText,
  CatalogPageQuery, CatalogSearch, CatalogSortOrder, CatalogQueryBool, CatalogTimestamps, catalogPage, catalogChecked, catalogUniqueList,
  type CatalogIssue,
} from './catalog-common.ts';

// ── Categories ──

const CategoryFields = z.object({
  name: CatalogName,
  nameEn: CatalogOptName,
  description: CatalogOptText,
  sortOrder: CatalogSortOrder.optional(),
  active: z.boolean().optional(),
});
export const MenuCategoryBody = CategoryFields;
export type MenuCategoryBody = z.infer<typeof MenuCategoryBody>;
export const MenuCategoryPatchBody = CategoryFields.partial();
export type MenuCategoryPatchBody = z.infer<typeof MenuCategoryPatchBody>;
export const MenuCategoryListQuery = CatalogPageQuery.extend({ active: CatalogQueryBool.optional(), q: CatalogSearch.optional() });
export type MenuCategoryListQuery = z.infer<typeof MenuCategoryListQuery>;

export const MenuCategoryDto = z.object({
  id: Id, restaurantId: Id, name: z.string(), nameEn: z.string().nullable(), description: z.string().nullable(),
  sortOrder: z.number().int(), active: z.boolean(),
  /** Items in the category, archived ones included (they still block deletion). */
  itemCount: z.number().int(),
  ...CatalogTimestamps,
});
export type MenuCategoryDto = z.infer<typeof MenuCategoryDto>;
export const MenuCategoryPage = catalogPage(MenuCategoryDto);
export type MenuCategoryPage = z.infer<typeof MenuCategoryPage>;

// ── Items ──

const ItemFields = z.object({
  categoryId: Id,
  name: CatalogName,
  nameEn: CatalogOptName,
  description: CatalogOptText,
  descriptionEn: CatalogOptText,
  priceCents: CatalogCents,
  allergens: catalogUniqueList(CatalogAllergen, 'allergens', 14).optional(),
  dietaryTags: catalogUniqueList(CatalogDietaryTag, 'dietary tags', 8).optional(),
  available: z.boolean().optional(),
  sortOrder: CatalogSortOrder.optional(),
  prepMinutes: z.number().int().min(0).max(240).nullable().optional(),
  imageUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
  /** The option groups offered with the item, in this order. */
  optionGroupIds: CatalogIdList.optional(),
});
export const MenuItemBody = ItemFields;
export type MenuItemBody = z.infer<typeof MenuItemBody>;
export const MenuItemPatchBody = ItemFields.extend({ archived: z.boolean() }).partial();
export type MenuItemPatchBody = z.infer<typeof MenuItemPatchBody>;
export const MenuItemAvailabilityBody = z.object({ available: z.boolean() });

export const MenuItemListQuery = CatalogPageQuery.extend({
  categoryId: Id.optional(),
  available: CatalogQueryBool.optional(),
  /** Archived items are hidden unless asked for ("true" lists only them). */
  archived: CatalogQueryBool.optional(),
  q: CatalogSearch.optional(),
});
export type MenuItemListQuery = z.infer<typeof MenuItemListQuery>;

export const MenuItemDto = z.object({
  id: Id, restaurantId: Id, categoryId: Id,
  name: z.string(), nameEn: z.string().nullable(), description: z.string().nullable(), descriptionEn: z.string().nullable(),
  priceCents: z.number().int(), allergens: z.array(CatalogAllergen), dietaryTags: z.array(CatalogDietaryTag),
  available: z.boolean(), archived: z.boolean(), sortOrder: z.number().int(),
  prepMinutes: z.number().int().nullable(), imageUrl: z.string().nullable(),
  optionGroupIds: z.array(Id),
  ...CatalogTimestamps,
});
export type MenuItemDto = z.infer<typeof MenuItemDto>;
export const MenuItemPage = catalogPage(MenuItemDto);
export type MenuItemPage = z.infer<typeof MenuItemPage>;

// ── Option groups ──

const OptionFields = z.object({
  /** Present to keep an existing option (its id stays stable); absent to add one. */
  id: Id.optional(),
  name: CatalogName,
  nameEn: CatalogOptName,
  // A negative delta is a cheaper variant ("Petite", "sans fromage").
  priceDeltaCents: z.number().int().min(-100000).max(1_000_000),
  allergens: catalogUniqueList(CatalogAllergen, 'allergens', 14).optional(),
  available: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  sortOrder: CatalogSortOrder.optional(),
});
export type MenuOptionBody = z.infer<typeof OptionFields>;

export interface OptionGroupRules {
  minSelect: number;
  maxSelect: number;
  required: boolean;
  options?: readonly { name: string; isDefault?: boolean | undefined }[] | undefined;
}

/** The rules of an option group, on a create body or on a PATCH merged with the stored group. */
export function optionGroupIssues(g: OptionGroupRules): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  if (g.minSelect > g.maxSelect) issues.push({ path: ['minSelect'], message: 'minSelect must not exceed maxSelect' });
  if (g.required && g.minSelect < 1) issues.push({ path: ['minSelect'], message: 'a required group needs minSelect of at least 1' });
  const seen = new Set<string>();
  (g.options ?? []).forEach((o, i) => {
    const key = o.name.toLocaleLowerCase('fr');
    if (seen.has(key)) issues.push({ path: ['options', i, 'name'], message: 'option names must be unique within a group' });
    seen.add(key);
  });
  const defaults = (g.options ?? []).filter((o) => o.isDefault).length;
  if (defaults > g.maxSelect) issues.push({ path: ['options'], message: 'more default options than maxSelect allows' });
  return issues;
}

const GroupFields = z.object({
  name: CatalogName,
  nameEn: CatalogOptName,
  /** Defaults to 1 when the group is required, else 0. */
  minSelect: z.number().int().min(0).max(50).optional(),
  /** At least 1: "unlimited" is not a thing here, say how many. */
  maxSelect: z.number().int().min(1).max(50).optional(),
  required: z.boolean().optional(),
  sortOrder: CatalogSortOrder.optional(),
  options: z.array(OptionFields).max(100).optional(),
});

/** Fills minSelect/maxSelect the way a restaurateur means them. */
export function withSelectDefaults<T extends { minSelect?: number | undefined; maxSelect?: number | undefined; required?: boolean | undefined }>(
  g: T,
): T & { minSelect: number; maxSelect: number; required: boolean } {
  const required = g.required ?? false;
  return { ...g, required, minSelect: g.minSelect ?? (required ? 1 : 0), maxSelect: g.maxSelect ?? 1 };
}

export const OptionGroupBody = catalogChecked(GroupFields, (g) => optionGroupIssues(withSelectDefaults(g)));
export type OptionGroupBody = z.infer<typeof GroupFields>;
/** `options`, when given, is the whole new list: options left out are deleted. */
export const OptionGroupPatchBody = GroupFields.partial();
export type OptionGroupPatchBody = z.infer<typeof OptionGroupPatchBody>;
export const OptionGroupListQuery = CatalogPageQuery.extend({ q: CatalogSearch.optional() });
export type OptionGroupListQuery = z.infer<typeof OptionGroupListQuery>;

export const MenuOptionDto = z.object({
  id: Id, groupId: Id, name: z.string(), nameEn: z.string().nullable(), priceDeltaCents: z.number().int(),
  allergens: z.array(CatalogAllergen), available: z.boolean(), isDefault: z.boolean(), sortOrder: z.number().int(),
});
export const OptionGroupDto = z.object({
  id: Id, restaurantId: Id, name: z.string(), nameEn: z.string().nullable(),
  minSelect: z.number().int(), maxSelect: z.number().int(), required: z.boolean(), sortOrder: z.number().int(),
  options: z.array(MenuOptionDto),
  ...CatalogTimestamps,
});
export type OptionGroupDto = z.infer<typeof OptionGroupDto>;
export const OptionGroupPage = catalogPage(OptionGroupDto);
export type OptionGroupPage = z.infer<typeof OptionGroupPage>;
