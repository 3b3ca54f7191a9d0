// Reads a photo of a printed menu with an OpenAI vision model and returns it in
// the import's JSON format. Structured outputs (a strict JSON schema) make the
// model answer in that shape; the answer is still parsed, never trusted.
import type OpenAI from 'openai';
import { z } from 'zod';
import { CATALOG_ALLERGENS, CatalogDietaryTag } from '../contract/catalog-common.ts';
import { AppError } from '../errors.ts';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_MENU_MODEL = 'gpt-4.1-mini';

// A dense menu photo takes a vision model 10 to 40 s; past a minute the admin is better off retrying.
const READ_TIMEOUT_MS = 90_000;
// One retry rides out a 429 or a dropped connection; more would keep the admin waiting minutes.
const MAX_RETRIES = 1;
// A long menu is a few thousand tokens of JSON; the cap only stops a runaway answer.
const MAX_OUTPUT_TOKENS = 16_000;

export interface MenuPhoto { bytes: Buffer; mimeType: string }
export interface ReadMenu {
  categories: { name: string; items: { name: string; priceCents: number | null; description: string | null; allergens: string[]; dietaryTags: string[] }[] }[];
}
export interface MenuPhotoReader {
  readonly model: string;
  read(photo: MenuPhoto): Promise<ReadMenu>;
}

const INSTRUCTIONS = [
  'Tu lis la photo de la carte d\'un restaurant et tu la recopies fidèlement, sans rien inventer.',
  'Une catégorie par rubrique de la carte (Entrées, Pizzas, Desserts…), dans l\'ordre de la carte, chaque plat avec son nom tel qu\'écrit.',
  'priceCents : le prix en centimes d\'euro (11,50 € → 1150). Si un plat a plusieurs prix (tailles), prends le plus petit et cite les autres dans la description. null si le prix est illisible ou absent.',
  'description : la composition ou le texte sous le plat, sinon null.',
  `allergens : seulement ceux que la carte indique, parmi ${CATALOG_ALLERGENS.join(', ')} ; sinon [].`,
  `dietaryTags : seulement ceux que la carte indique (picto ou mention), parmi ${CatalogDietaryTag.options.join(', ')} ; sinon [].`,
  'Ignore les boissons seulement si la carte ne leur donne pas de prix. Ne traduis pas les noms.',
].join('\n');

const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
/** Strict mode: every property required, no others allowed. */
const MENU_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['categories'],
  properties: {
    categories: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'items'],
        properties: {
          name: { type: 'string' },
          items: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'priceCents', 'description', 'allergens', 'dietaryTags'],
              properties: {
                name: { type: 'string' },
                priceCents: nullable({ type: 'integer', description: 'Price in euro cents: 11,50 € is 1150' }),
                description: nullable({ type: 'string' }),
                allergens: { type: 'array', items: { type: 'string', enum: [...CATALOG_ALLERGENS] } },
                dietaryTags: { type: 'array', items: { type: 'string', enum: [...CatalogDietaryTag.options] } },
              },
            },
          },
        },
      },
    },
  },
} as const;

// The model's answer is checked like any input; the import's own validation runs after.
const ReadMenuSchema = z.object({
  categories: z.array(z.object({
    name: z.string(),
    items: z.array(z.object({
      name: z.string(),
      priceCents: z.number().int().nullable(),
      description: z.string().nullable(),
      allergens: z.array(z.string()),
      dietaryTags: z.array(z.string()),
    })),
  })),
});

/**
 * An answer from OpenAI (a refused key, a quota, an image it will not take) is
 * the admin's to act on: photo_unreadable with the reason. No answer at all is
 * an outage: upstream_unavailable, logged.
 */
function upstreamError(e: unknown, APIError: typeof OpenAI.APIError): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof APIError && typeof e.status === 'number') {
    const why = e.status === 401 ? 'la clé OPENAI_API_KEY est refusée'
      : e.status === 429 ? 'quota ou débit dépassé, réessayez plus tard'
      : e.status === 400 ? `image refusée : ${e.message}`
      : `erreur ${e.status}`;
    return new AppError('photo_unreadable', `OpenAI n'a pas pu lire la photo (${why})`, { status: e.status });
  }
  return new AppError('upstream_unavailable', `OpenAI is unreachable: ${e instanceof Error ? e.message : String(e)}`);
}

export function openAiMenuPhotoReader(opts: { apiKey: string; baseUrl?: string | undefined; model?: string | undefined }): MenuPhotoReader {
  const model = opts.model ?? DEFAULT_MENU_MODEL;
  // The SDK loads on the first photo, not at boot: most servers never read one.
  let sdk: Promise<typeof OpenAI> | undefined;
  let client: OpenAI | undefined;
  return {
    model,
    async read(photo) {
      const OpenAISdk = await (sdk ??= import('openai').then((m) => m.default));
      client ??= new OpenAISdk({ apiKey: opts.apiKey, baseURL: opts.baseUrl ?? OPENAI_BASE_URL, timeout: READ_TIMEOUT_MS, maxRetries: MAX_RETRIES });
      let completion: OpenAI.ChatCompletion;
      try {
        completion = await client.chat.completions.create({
          model,
          max_completion_tokens: MAX_OUTPUT_TOKENS,
          response_format: { type: 'json_schema', json_schema: { name: 'restaurant_menu', strict: true, schema: MENU_JSON_SCHEMA } },
          messages: [
            { role: 'system', content: INSTRUCTIONS },
            {
              role: 'user',
              content: [
                { type: 'text', text: 'Voici la carte à recopier.' },
                { type: 'image_url', image_url: { url: `data:${photo.mimeType};base64,${photo.bytes.toString('base64')}`, detail: 'high' } },
              ],
            },
          ],
        });
      } catch (e) {
        throw upstreamError(e, OpenAISdk.APIError);
      }
      const choice = completion.choices[0];
      if (choice?.message.refusal) throw new AppError('photo_unreadable', `Le modèle a refusé de lire la photo : ${choice.message.refusal}`);
      if (choice?.finish_reason === 'length') throw new AppError('photo_unreadable', 'La carte est trop longue pour une seule photo : importez-la en plusieurs photos');
      let parsed: unknown;
      try {
        parsed = JSON.parse(choice?.message.content ?? '');
      } catch {
        throw new AppError('photo_unreadable', "La réponse d'OpenAI n'est pas un menu lisible");
      }
      const menu = ReadMenuSchema.safeParse(parsed);
      if (!menu.success) throw new AppError('photo_unreadable', "La réponse d'OpenAI n'a pas la forme d'un menu");
      return menu.data;
    },
  };
}
