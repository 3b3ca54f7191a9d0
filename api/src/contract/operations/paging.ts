import { z } from 'zod';

/** `page` is 1-based; `pageSize` defaults to 50, at most 200. */
export const OpsPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OpsPageQuery = z.infer<typeof OpsPageQuery>;

export function opsPageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** A local calendar date in the restaurant's time zone. */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a real date');

export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +33612345678');
