// One place that turns a platform's HTTP answer into a PlatformError the worker
// can act on: retry, wait for Retry-After, give up, or report a conflict.
import { PlatformError } from './types.ts';

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Form-encoded instead of JSON (OAuth). */
  form?: Record<string, string>;
  timeoutMs: number;
}

export interface HttpAnswer { status: number; body: unknown }

export function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const s = Number(header);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** Sends and returns 2xx and 404 answers; every other failure becomes a PlatformError. */
export async function platformFetch(req: HttpRequest, conflictStatuses: readonly number[] = [409]): Promise<HttpAnswer> {
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  let body: string | undefined;
  if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(req.form).toString();
  } else if (req.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.body);
  }
  const writes = req.method !== 'GET';
  let res: Response;
  try {
    res = await fetch(req.url, { method: req.method, headers, body, signal: AbortSignal.timeout(req.timeoutMs) });
  } catch (e) {
    const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    // A write that timed out may have landed: the caller must look before repeating it.
    throw new PlatformError('retryable', `${req.method} ${new URL(req.url).pathname}: ${timeout ? 'timeout' : (e as Error).message}`, { maybeApplied: writes });
  }
  const text = await res.text().catch(() => '');
  let parsed: unknown = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = text; }
  if (res.ok || res.status === 404) return { status: res.status, body: parsed };
  const what = `${req.method} ${new URL(req.url).pathname} answered ${res.status}`;
  const detail = typeof parsed === 'object' && parsed ? JSON.stringify(parsed).slice(0, 200) : String(parsed).slice(0, 200);
  if (res.status === 429) throw new PlatformError('rate_limited', what, { status: 429, retryAfterMs: retryAfterMs(res.headers.get('retry-after')) });
  if (conflictStatuses.includes(res.status)) throw new PlatformError('conflict', `${what}: ${detail}`, { status: res.status });
  if (res.status === 401 || res.status === 403) throw new PlatformError('auth', what, { status: res.status });
  if (res.status >= 500 || res.status === 408) throw new PlatformError('retryable', what, { status: res.status, maybeApplied: writes });
  throw new PlatformError('rejected', `${what}: ${detail}`, { status: res.status });
}
