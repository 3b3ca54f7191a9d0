import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../api/src/contract/index.ts';
import { ApiError, api, setUnauthenticatedHandler } from './api/client.ts';
import { LoginPage } from './auth/LoginPage.tsx';
import { AppShell } from './layout/AppShell.tsx';
import { ErrorAlert } from './layout/ErrorAlert.tsx';
import { Spinner } from './layout/Spinner.tsx';

type Session = { state: 'loading' } | { state: 'anonymous' } | { state: 'error'; error: unknown } | { state: 'signedIn'; me: MeResponse };

export function App() {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session>({ state: 'loading' });

  const loadSession = useCallback(() => {
    setSession({ state: 'loading' });
    api.me().then(
      (me) => setSession({ state: 'signedIn', me }),
      (error: unknown) =>
        setSession(error instanceof ApiError && error.status === 401 ? { state: 'anonymous' } : { state: 'error', error }),
    );
  }, []);

  useEffect(() => {
    loadSession();
    setUnauthenticatedHandler(() => setSession({ state: 'anonymous' }));
    return () => setUnauthenticatedHandler(undefined);
  }, [loadSession]);

  const logout = useCallback(() => {
    // The cookie is httpOnly, so only the server can clear it; leave the UI even if that call fails.
    void api.logout().catch(() => undefined).finally(() => setSession({ state: 'anonymous' }));
  }, []);

  switch (session.state) {
    case 'loading':
      return <Spinner />;
    case 'error':
      return (
        <main className="container py-5" style={{ maxWidth: 480 }}>
          <ErrorAlert error={session.error} />
          <button type="button" className="btn btn-primary" onClick={loadSession}>
            {t('app.retry')}
          </button>
        </main>
      );
    case 'anonymous':
      return <LoginPage onSignedIn={(me) => setSession({ state: 'signedIn', me })} />;
    case 'signedIn':
      return <AppShell me={session.me} onLogout={logout} />;
  }
}
