// Building blocks shared by the catalog contract files. Names carry a
// "Catalog" prefix where they could clash with other contract modules, since
// index.ts re-exports everything side by side.
import { z } from 'zod';
import { Cents, Id } from './common.ts';

export const CATALOG_ALLERGENS = [
  'gluten', 'crustaceans', 'eggs', 'fish', 'peanuts', 'soybeans', 'milk',
  'nuts', 'celery', 'mustard', 'sesame', 'sulphites', 'lupin', 'molluscs',
] as const;
/** EU Regulation 1169/2011, Annex II: the 14 allergens a menu must declare. */
export const CatalogAllergen = z.enum(CATALOG_ALLERGENS);
export const CatalogDietaryTag = z.enum(['vegetarian', 'vegan', 'gluten_free', 'halal', 'kosher', 'spicy', 'organic', 'homemade']);

/** Wall-clock "HH:MM", 00:00 to 24:00 inclusive. */
export const CatalogTime = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be an "HH:MM" time between 00:00 and 24:00');
export const CatalogDate = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a "YYYY-MM-DD" date')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date');

/** "HH:MM" → minutes since midnight ("24:00" gives 1440). */
export const catalogMinutes = (hhmm: string): number => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

const unique = (xs: readonly unknown[]): boolean => new Set(xs).size === xs.length;

/** An array whose entries must all differ. */
export const catalogUniqueList = <T extends z.ZodType>(item: T, what: string, max = 100) =>
  z.array(item).max(max).refine(unique, `${what} must be unique`);

export const CatalogWeekdays = catalogUniqueList(z.number().int().min(1).max(7), 'weekdays', 7);
export const CatalogName = z.string().trim().min(1).max(120);
export const CatalogOptName = z.string().trim().max(120).nullable().optional();
export const CatalogOptText = z.string().trim().max(2000).nullable().optional();
export const CatalogSortOrder = z.number().int().min(-100000).max(100000);
/** Money in integer cents, never negative. */
export const CatalogCents = Cents.min(0, 'must be a non-negative integer number of cents').max(100_000_000);
export const CatalogIdList = catalogUniqueList(Id, 'ids', 200);

/** A cross-field problem, reported exactly like a zod issue. */
export interface CatalogIssue {
  path: (string | number)[];
  message: string;
}

/** Adds cross-field checks to a schema; services run the same checks on merged PATCHes. */
export const catalogChecked = <T>(schema: z.ZodType<T>, check: (v: T) => CatalogIssue[]) =>
  schema.superRefine((v, ctx) => {
    for (const i of check(v)) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  });

// Query strings are text: booleans arrive as "true"/"false", numbers as digits.
export const CatalogQueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const CatalogPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const CatalogSearch = z.string().trim().min(1).max(120);

export const catalogPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const CatalogTimestamps = { createdAt: z.string(), updatedAt: z.string() };
