import { z } from 'zod';

/** Every non-2xx answer of the API has this body. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.string().min(1).max(64);
export const Cents = z.number().int();
export const IsoDateTime = z.string().datetime({ offset: true });
export const Locale = z.enum(['fr', 'en']);
