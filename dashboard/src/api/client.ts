import type { z } from 'zod';
import { ErrorBody, MeResponse, RestaurantOverview } from '../../../api/src/contract/index.ts';
import type { LoginRequest } from '../../../api/src/contract/index.ts';

export interface FieldError {
  path: string;
  message: string;
}

/** A failed call: `status` 0 means the server could not be reached, `code` mirrors the API's error codes. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let onUnauthenticated: (() => void) | undefined;

/** Lets the app drop back to the login page when a session expires mid-use. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

function fieldsOf(details: unknown): FieldError[] {
  if (typeof details !== 'object' || details === null || !('fields' in details) || !Array.isArray(details.fields)) return [];
  return details.fields.filter(
    (f): f is FieldError => typeof f === 'object' && f !== null && typeof f.path === 'string' && typeof f.message === 'string',
  );
}

/** The session's CSRF token, set by the API at login in a script-readable cookie. */
function csrfToken(): string | undefined {
  const m = /(?:^|;\s*)vo_csrf=([^;]*)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}

export async function request<T>(path: string, schema: z.ZodType<T> | null, init: RequestInit = {}): Promise<T> {
  let res: Response;
  const write = (init.method ?? 'GET') !== 'GET';
  const csrf = write ? csrfToken() : undefined;
  try {
    res = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
        ...init.headers,
      },
    });
  } catch {
    throw new ApiError(0, 'network', 'Network error');
  }
  const body: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ErrorBody.safeParse(body);
    const error = parsed.success
      ? new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, fieldsOf(parsed.data.error.details))
      : // A 5xx without our error body comes from a proxy or gateway: the API itself is unreachable.
        new ApiError(res.status, res.status >= 500 ? 'network' : 'http_error', `HTTP ${res.status}`);
    // A 401 on login is a wrong password, not an expired session.
    if (res.status === 401 && path !== '/api/auth/login') onUnauthenticated?.();
    throw error;
  }
  if (!schema) return undefined as T;
  // Parsing catches an API/dashboard version mismatch here instead of as a blank component later.
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(res.status, 'bad_response', 'Unexpected response shape');
  return parsed.data;
}

export const json = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body) });

/** '/api/restaurants/:id' + a sub-path, the id escaped. */
export const rpath = (restaurantId: string, sub: string) => `/api/restaurants/${encodeURIComponent(restaurantId)}${sub}`;

/** A query string from defined values only; arrays repeat the key. */
export function qs(params: Record<string, string | number | boolean | readonly string[] | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) for (const x of v as readonly string[]) u.append(k, x);
    else u.set(k, String(v));
  }
  const text = u.toString();
  return text ? `?${text}` : '';
}

export const api = {
  login: (body: LoginRequest) => request('/api/auth/login', MeResponse, json(body)),
  logout: () => request<void>('/api/auth/logout', null, { method: 'POST' }),
  me: () => request('/api/auth/me', MeResponse),
  overview: (restaurantId: string) =>
    request(`/api/restaurants/${encodeURIComponent(restaurantId)}/overview`, RestaurantOverview),
};
