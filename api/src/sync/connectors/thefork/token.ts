// TheFork OAuth client credentials (Auth0). A token lasts about 8,600 s and the
// docs ask not to request another before it expires: it is kept in memory and,
// encrypted, on the platform config, so a restart reuses it too.
import type { ConnectorSettings } from '../../types.ts';
import { PlatformError } from '../../types.ts';
import { platformFetch } from '../../http.ts';

// Renew a little early so a request never leaves with a token about to die.
const EARLY_RENEW_MS = 60_000;
export const THEFORK_AUDIENCE = 'https://api.thefork.io';

export function theforkTokens(s: ConnectorSettings) {
  let cached: { token: string; expiresAt: Date } | null = null;
  let pending: Promise<string> | null = null;
  const fresh = (t: { expiresAt: Date } | null, now: number) => t !== null && t.expiresAt.getTime() - EARLY_RENEW_MS > now;

  async function request(): Promise<string> {
    const { clientId, clientSecret } = s.credentials;
    if (!clientId || !clientSecret) throw new PlatformError('auth', 'TheFork client id or secret missing');
    const r = await platformFetch({
      method: 'POST', url: `${s.baseUrls.theforkAuth.replace(/\/$/, '')}/oauth/token`, timeoutMs: s.timeoutMs,
      body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, audience: THEFORK_AUDIENCE },
    });
    const body = r.body as { access_token?: string; expires_in?: number } | null;
    if (!body?.access_token) throw new PlatformError('auth', 'TheFork token endpoint answered without a token');
    cached = { token: body.access_token, expiresAt: new Date(Date.now() + (body.expires_in ?? 3600) * 1000) };
    await s.tokens.set(cached.token, cached.expiresAt);
    return cached.token;
  }

  return {
    async token(): Promise<string> {
      const now = Date.now();
      if (fresh(cached, now)) return cached!.token;
      const stored = await s.tokens.get();
      if (fresh(stored, now)) { cached = stored; return stored!.token; }
      // One request at a time: concurrent pushes share the same new token.
      pending ??= request().finally(() => { pending = null; });
      return pending;
    },
    invalidate() { cached = null; },
  };
}
