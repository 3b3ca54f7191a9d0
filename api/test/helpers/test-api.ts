// Starts the real API (real HTTP, real PostgreSQL) on a fresh database of its own.
import type { Test } from 'tap';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startApi, type ApiHandle } from '../../src/server.ts';
import { createTestDatabase } from './test-db.ts';

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

/** A tiny HTTP client that keeps the session cookie like a browser. */
export function client(baseUrl: string) {
  let cookie: string | undefined;
  const c = {
    async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
      const res = await fetch(baseUrl + path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(cookie ? { cookie } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) cookie = setCookie.split(';')[0];
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
    },
    get: <T = unknown>(path: string) => c.request<T>('GET', path),
    post: <T = unknown>(path: string, body?: unknown) => c.request<T>('POST', path, body),
  };
  return c;
}
