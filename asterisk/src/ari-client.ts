// Just the ARI calls the CLI makes (the controller has its own client).
import { CliError } from './api-client.ts';

const ARI_TIMEOUT_MS = 5000;

export interface AriClient {
  get<T>(path: string): Promise<{ status: number; body: T | undefined }>;
  put(path: string): Promise<number>;
}

export function ariClient(baseUrl: string, user: string, password: string | undefined): AriClient {
  const auth = `Basic ${Buffer.from(`${user}:${password ?? ''}`).toString('base64')}`;
  const call = async (method: string, path: string) => {
    try {
      return await fetch(new URL(`/ari${path}`, baseUrl), { method, headers: { authorization: auth }, signal: AbortSignal.timeout(ARI_TIMEOUT_MS) });
    } catch (err) {
      throw new CliError(`ARI at ${baseUrl} does not answer (${(err as Error).message})`);
    }
  };
  return {
    async get<T>(path: string) {
      const res = await call('GET', path);
      const text = await res.text();
      return { status: res.status, body: res.ok && text ? (JSON.parse(text) as T) : undefined };
    },
    async put(path: string) {
      return (await call('PUT', path)).status;
    },
  };
}
