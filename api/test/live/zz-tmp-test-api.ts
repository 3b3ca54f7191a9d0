// Starts the real API (real HTTP, real PostgreSQL) on a fresh database of its own.
import type { Test } from 'tap';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startApi, type ApiHandle } from '../../src/live/zz-tmp-server.ts';
import { createTestDatabase } from '../helpers/test-db.ts';

export const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

export async function startTestApi(t: Test, env: Record<string, string> = {}): Promise<ApiHandle> {
  const tdb = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: tdb.url,
    PORT: '0',
    SEED_DEMO: 'true',
    SECRETS_KEY: TEST_SECRETS_KEY,
    DASHBOARD_DIST: '/nonexistent',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const api = await startApi(config, { log: createLogger('silent') });
  t.teardown(async () => {
    await api.close();
    await tdb.drop();
  });
  return api;
}

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A tiny HTTP client that behaves like the dashboard in a browser: it keeps
 * cookies and echoes the CSRF cookie in X-CSRF-Token on writes (unless told
 * not to, to test the refusal).
 */
export function client(baseUrl: string, opts: { csrf?: boolean; bearer?: string } = {}) {
  const jar = new Map<string, string>();
  const c = {
    jar,
    async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
      const csrf = jar.get('vo_csrf');
      const res = await fetch(baseUrl + path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
          ...(csrf && opts.csrf !== false && method !== 'GET' ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}),
          ...(opts.bearer ? { authorization: `Bearer ${opts.bearer}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      for (const sc of res.headers.getSetCookie()) {
        const [pair = ''] = sc.split(';');
        const eq = pair.indexOf('=');
        const [k, v] = [pair.slice(0, eq), pair.slice(eq + 1)];
        if (v === '' || /expires=Thu, 01 Jan 1970/i.test(sc)) jar.delete(k);
        else jar.set(k, v);
      }
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
    },
    get: <T = unknown>(path: string) => c.request<T>('GET', path),
    post: <T = unknown>(path: string, body?: unknown) => c.request<T>('POST', path, body),
    put: <T = unknown>(path: string, body?: unknown) => c.request<T>('PUT', path, body),
    patch: <T = unknown>(path: string, body?: unknown) => c.request<T>('PATCH', path, body),
    del: <T = unknown>(path: string) => c.request<T>('DELETE', path),
  };
  return c;
}
