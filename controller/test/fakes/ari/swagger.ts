// Asterisk's own Swagger 1.1 description of ARI (22.10.1), read at run time
// from the shared folder beside the repository. The fake serves these files
// to ari-client exactly as Asterisk does, and checks itself against them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const ARI_DOCS_DIR = path.resolve(repoRoot, '../shared/asterisk-ari');

const allowableValuesSchema = z.union([
  z.object({ valueType: z.literal('LIST'), values: z.array(z.string()) }),
  z.object({ valueType: z.literal('RANGE'), min: z.number().optional(), max: z.number().optional() }),
]);

const parameterSchema = z.looseObject({
  name: z.string(),
  paramType: z.enum(['path', 'query', 'body', 'header', 'form']),
  required: z.boolean().optional(),
  allowMultiple: z.boolean().optional(),
  dataType: z.string(),
  allowableValues: allowableValuesSchema.optional(),
});

const operationSchema = z.looseObject({
  httpMethod: z.string(),
  nickname: z.string(),
  responseClass: z.string(),
  parameters: z.array(parameterSchema).optional(),
  errorResponses: z.array(z.object({ code: z.coerce.number(), reason: z.string() })).optional(),
});

const propertySchema = z.looseObject({
  type: z.string(),
  required: z.boolean().optional(),
  allowableValues: allowableValuesSchema.optional(),
});

const modelSchema = z.looseObject({
  id: z.string(),
  subTypes: z.array(z.string()).optional(),
  discriminator: z.string().optional(),
  properties: z.record(z.string(), propertySchema),
});

const declarationSchema = z.looseObject({
  basePath: z.string(),
  resourcePath: z.string(),
  apis: z.array(z.looseObject({ path: z.string(), operations: z.array(operationSchema) })),
  models: z.record(z.string(), modelSchema).optional(),
});

const resourceListingSchema = z.looseObject({
  basePath: z.string(),
  apis: z.array(z.looseObject({ path: z.string() })),
});

export type SwaggerParameter = z.infer<typeof parameterSchema>;
export type SwaggerOperation = z.infer<typeof operationSchema>;
export type SwaggerProperty = z.infer<typeof propertySchema>;
export type SwaggerModel = z.infer<typeof modelSchema>;
export type ApiDeclaration = z.infer<typeof declarationSchema>;
type ResourceListing = z.infer<typeof resourceListingSchema>;

export interface AriDocs {
  resources: ResourceListing;
  /** Keyed by the file's base name: `channels`, `events`, … */
  declarations: Map<string, ApiDeclaration>;
}

/** `/api-docs/channels.{format}` → `channels`. */
function declarationName(listingPath: string): string {
  const match = /^\/api-docs\/([A-Za-z]+)\.\{format\}$/.exec(listingPath);
  if (!match?.[1]) throw new Error(`unexpected api-docs path in resources.json: ${listingPath}`);
  return match[1];
}

export async function loadAriDocs(dir: string = ARI_DOCS_DIR): Promise<AriDocs> {
  const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as unknown;
  const resources = resourceListingSchema.parse(await readJson('resources.json'));
  const declarations = new Map<string, ApiDeclaration>();
  for (const api of resources.apis) {
    const name = declarationName(api.path);
    declarations.set(name, declarationSchema.parse(await readJson(path.join('api-docs', `${name}.json`))));
  }
  return { resources, declarations };
}

/** The operation Asterisk declares for this method on this path template (`/channels/{channelId}`). */
export function findOperation(docs: AriDocs, method: string, pathTemplate: string): SwaggerOperation | undefined {
  for (const declaration of docs.declarations.values()) {
    for (const api of declaration.apis) {
      if (api.path !== pathTemplate) continue;
      const op = api.operations.find((o) => o.httpMethod === method);
      if (op) return op;
    }
  }
  return undefined;
}

/** Every model of every declaration: events refer to Channel (channels.json), Bridge, LiveRecording… */
export function allModels(docs: AriDocs): Map<string, SwaggerModel> {
  const models = new Map<string, SwaggerModel>();
  for (const declaration of docs.declarations.values()) {
    for (const [name, model] of Object.entries(declaration.models ?? {})) models.set(name, model);
  }
  return models;
}

/** Asterisk rewrites `basePath` to the address the client used (its Host header). */
export function servedDoc(docs: AriDocs, name: string, basePath: string): string | undefined {
  const doc = name === 'resources' ? docs.resources : docs.declarations.get(name);
  return doc ? JSON.stringify({ ...doc, basePath }, null, 2) : undefined;
}
