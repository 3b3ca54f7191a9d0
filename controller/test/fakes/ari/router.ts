// Route tables with Asterisk's own path templates (`/channels/{channelId}`),
// matched the way Asterisk's REST tree does: literal segments before
// {params}. Query parameters are checked against what each route declares
// and, for enumerated values, against the api-docs.
import { findOperation, type AriDocs, type SwaggerParameter } from './swagger.ts';
import type { AriWorld } from './world.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteContext {
  path: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  world: AriWorld;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: HttpMethod;
  /** Exactly as in api-docs, below `/ari`. */
  path: string;
  query: Record<string, 'required' | 'optional'>;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

/** An error answered as Asterisk does: `{"message": "..."}` with the status. */
export class AriHttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export const noContent: RouteResult = { status: 204 };
export const ok = (body: unknown): RouteResult => ({ status: 200, body });

export function notFound(): never {
  throw new AriHttpError(404, 'Resource not found');
}

/** The declared type, enumeration and range of a query parameter, as Asterisk's generated glue checks them. */
function acceptsValue(param: SwaggerParameter, value: string): boolean {
  const items = param.allowMultiple ? value.split(',') : [value];
  return items.every((item) => {
    if (param.dataType === 'int' || param.dataType === 'long') {
      if (!/^-?\d+$/.test(item)) return false;
    }
    if (param.dataType === 'boolean' && !/^(true|false|yes|no|1|0)$/i.test(item)) return false;
    const allowed = param.allowableValues;
    if (allowed?.valueType === 'LIST') return allowed.values.includes(item);
    if (allowed?.valueType === 'RANGE') {
      const n = Number(item);
      return !(allowed.min !== undefined && n < allowed.min) && !(allowed.max !== undefined && n > allowed.max);
    }
    return true;
  });
}

interface CompiledRoute {
  route: Route;
  segments: string[];
  docParams: Map<string, SwaggerParameter>;
}

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: Route[], docs: AriDocs) {
    this.compiled = routes.map((route) => {
      const op = findOperation(docs, route.method, route.path);
      if (!op) throw new Error(`fake ARI route ${route.method} ${route.path} is not in Asterisk's api-docs`);
      return { route, segments: route.path.split('/').slice(1), docParams: new Map((op.parameters ?? []).map((p) => [p.name, p])) };
    });
  }

  get routes(): Route[] {
    return this.compiled.map((c) => c.route);
  }

  match(method: string, pathBelowAri: string): { compiled: CompiledRoute; path: Record<string, string> } | undefined {
    const parts = pathBelowAri.split('/').slice(1).map((p) => decodeURIComponent(p));
    let best: { compiled: CompiledRoute; path: Record<string, string>; literals: number } | undefined;
    for (const compiled of this.compiled) {
      if (compiled.route.method !== method || compiled.segments.length !== parts.length) continue;
      const path: Record<string, string> = {};
      let literals = 0;
      const fits = compiled.segments.every((segment, i) => {
        const part = parts[i] ?? '';
        const param = /^\{(\w+)\}$/.exec(segment)?.[1];
        if (param) {
          path[param] = part;
          return part.length > 0;
        }
        literals += 1;
        return segment === part;
      });
      if (fits && (!best || literals > best.literals)) best = { compiled, path, literals };
    }
    return best;
  }

  async dispatch(method: string, pathBelowAri: string, query: URLSearchParams, body: unknown, world: AriWorld): Promise<RouteResult> {
    const found = this.match(method, pathBelowAri);
    if (!found) notFound();
    const { route, docParams } = found.compiled;
    const values: Record<string, string> = {};
    for (const [name, value] of query) {
      if (name === 'api_key') continue;
      // Asterisk ignores unknown parameters; the fake refuses them so that a
      // misspelt parameter fails in tests instead of being silently ignored.
      if (!(name in route.query)) throw new AriHttpError(400, `Unknown parameter: ${name}`);
      const declared = docParams.get(name);
      if (declared && !acceptsValue(declared, value)) throw new AriHttpError(400, `Invalid value for ${name}: ${value}`);
      values[name] = value;
    }
    for (const [name, need] of Object.entries(route.query)) {
      if (need === 'required' && values[name] === undefined) throw new AriHttpError(400, `Missing required field: ${name}`);
    }
    return route.handle({ path: found.path, query: values, body, world });
  }
}
