// /api/openapi.json, generated from the same zod schemas the routes parse with.
import { z } from 'zod';
import type { RouteRegistry } from './route.ts';
import { ErrorBody } from '../contract/common.ts';

const toSchema = (s: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;

export function buildOpenApi(registry: RouteRegistry, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const s of registry.specs) {
    const path = '/api' + s.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', s.params], ['query', s.query]] as const) {
      if (!schema) continue;
      const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop });
      }
    }
    const status = String(s.status ?? (s.method === 'post' ? 201 : 200));
    (paths[path] ??= {})[s.method] = {
      summary: s.summary,
      tags: [s.tag],
      ...(s.access === 'public' ? { security: [] } : {}),
      parameters,
      ...(s.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(s.body, 'input') } } } } : {}),
      responses: {
        [status]: status === '204' ? { description: 'No content' } : {
          description: 'OK',
          ...(s.response ? { content: { 'application/json': { schema: toSchema(s.response, 'output') } } } : {}),
        },
        default: { description: 'Error', content: { 'application/json': { schema: toSchema(ErrorBody, 'output') } } },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'VoiceOrder API', version },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'vo_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ session: [] }, { token: [] }],
    paths,
  };
}
