// The platform admin's import wizard: a menu file (the CLI's CSV or JSON) or a
// photo of a printed menu, checked as a dry run, then applied.
import { z } from 'zod';
import { MenuImportResult } from '../menu-import.ts';

// A menu of a few hundred lines is tens of kilobytes; the API's JSON body limit (1 MB) is the real cap.
const MAX_FILE_CHARS = 900_000;

export const AdminMenuImportRequest = z.object({
  /** How to read `text`: the same formats as `voiceorder restaurant import`. */
  format: z.enum(['csv', 'json']),
  /** The file's content, as read by the browser. */
  text: z.string().min(1, 'the file is empty').max(MAX_FILE_CHARS, 'the file is too large (900 000 characters at most)'),
  /** True (the default) writes nothing and answers what the import would do. */
  dryRun: z.boolean().default(true),
});
export type AdminMenuImportRequest = z.infer<typeof AdminMenuImportRequest>;

export const AdminMenuImportProblem = z.object({
  /** The CSV line (the header is line 1); null for a JSON file or a problem with the whole file. */
  line: z.number().int().nullable(),
  /** What the problem is about, e.g. "Pizzas › Margherita", when it is about one entry. */
  where: z.string().nullable(),
  /** The field, e.g. "priceCents", when one is named. */
  field: z.string().nullable(),
  message: z.string(),
});
export type AdminMenuImportProblem = z.infer<typeof AdminMenuImportProblem>;

/** With problems, nothing was written and `result` is null; otherwise the dry run's or the import's result. */
export const AdminMenuImportResponse = z.object({
  problems: z.array(AdminMenuImportProblem),
  result: MenuImportResult.nullable(),
});
export type AdminMenuImportResponse = z.infer<typeof AdminMenuImportResponse>;

const PhotoItem = z.object({
  name: z.string(),
  /** null when the photo shows no legible price: the admin fills it in before importing. */
  priceCents: z.number().int().nullable(),
  description: z.string().nullable(),
  allergens: z.array(z.string()),
  dietaryTags: z.array(z.string()),
});

/**
 * A menu read from a photo, in the import's JSON format (a price may still be
 * missing): the wizard lets the admin correct it, then checks it with a dry run.
 */
export const AdminMenuPhotoResponse = z.object({
  menu: z.object({ categories: z.array(z.object({ name: z.string(), items: z.array(PhotoItem) })) }),
  /** The model that read the photo. */
  model: z.string(),
});
export type AdminMenuPhotoResponse = z.infer<typeof AdminMenuPhotoResponse>;

export const AdminImportOptions = z.object({
  /** The photo import needs OPENAI_API_KEY on the API. */
  photo: z.object({ available: z.boolean() }),
});
export type AdminImportOptions = z.infer<typeof AdminImportOptions>;

/** Image types a photo may be sent as (the request body is the image itself, with its Content-Type). */
export const MENU_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
/** Phone photos are 2 to 6 MB; OpenAI takes images up to 20 MB. */
export const MENU_PHOTO_MAX_BYTES = 12 * 1024 * 1024;
