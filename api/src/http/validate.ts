import type { z } from 'zod';
import { AppError } from '../errors.ts';

/** Parses untrusted input; a failure is a 400 that names each bad field and why. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ');
  throw new AppError('validation_failed', `Invalid request: ${summary}`, { fields });
}
