// The CLI's only way to the data: the API, with the service token.
import { ErrorBody } from '../../api/src/contract/common.ts';

// The API answers in milliseconds; a hung one must not hang the installer.
const API_TIMEOUT_MS = 10_000;

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export interface ApiClient {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export function apiClient(apiUrl: string, token: string | undefined): ApiClient {
  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      if (!token) throw new CliError('VOICEORDER_API_TOKEN is not set: create one with `npm run token:create -- --kind cli`');
      let res: Response;
      try {
        res = await fetch(new URL(`/api${path}`, apiUrl), {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(API_TIMEOUT_MS),
        });
      } catch (err) {
        throw new CliError(`the API at ${apiUrl} does not answer (${(err as Error).message}): check VOICEORDER_API_URL`);
      }
      const text = await res.text();
      const json: unknown = text ? JSON.parse(text) : undefined;
      if (!res.ok) {
        const e = ErrorBody.safeParse(json);
        throw new CliError(`${method} ${path}: ${res.status} ${e.success ? e.data.error.message : text.slice(0, 200)}`);
      }
      return json as T;
    },
  };
}
