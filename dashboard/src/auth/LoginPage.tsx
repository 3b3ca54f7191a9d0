import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../api/src/contract/index.ts';
import { ApiError, api, type FieldError } from '../api/client.ts';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';

export function LoginPage({ onSignedIn }: { onSignedIn: (me: MeResponse) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<FieldError[]>([]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSubmitting(true);
    setError(null);
    setFields([]);
    try {
      onSignedIn(await api.login({ email, password }));
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFields(err.fields);
      setSubmitting(false);
    }
  };

  // Validation messages from the API are English zod text; known fields get a translated hint instead.
  const fieldError = (name: 'email' | 'password') =>
    fields.some((f) => f.path === name) ? t(`login.fields.${name}`) : null;
  const emailError = fieldError('email');
  const passwordError = fieldError('password');

  return (
    <main className="container py-5" style={{ maxWidth: 420 }}>
      <div className="d-flex justify-content-between align-items-center mb-4">
        <span className="fs-3 fw-semibold">{t('app.name')}</span>
        <LanguageSwitch />
      </div>
      <div className="card shadow-sm">
        <div className="card-body p-4">
          <h1 className="h4 mb-1">{t('login.title')}</h1>
          <p className="text-body-secondary mb-4">{t('login.subtitle')}</p>
          {/* The browser's own validation would hide the API's errors, which are the ones we localise and test. */}
          <form onSubmit={(e) => void submit(e)} noValidate>
            {error !== null && !emailError && !passwordError && <ErrorAlert error={error} />}
            <div className="mb-3">
              <label htmlFor="email" className="form-label">
                {t('login.email')}
              </label>
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="username"
                required
                autoFocus
                className={`form-control${emailError ? ' is-invalid' : ''}`}
                aria-describedby={emailError ? 'email-error' : undefined}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
              {emailError && (
                <div id="email-error" className="invalid-feedback">
                  {emailError}
                </div>
              )}
            </div>
            <div className="mb-4">
              <label htmlFor="password" className="form-label">
                {t('login.password')}
              </label>
              <input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                className={`form-control${passwordError ? ' is-invalid' : ''}`}
                aria-describedby={passwordError ? 'password-error' : undefined}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              {passwordError && (
                <div id="password-error" className="invalid-feedback">
                  {passwordError}
                </div>
              )}
            </div>
            <button type="submit" className="btn btn-primary w-100" disabled={submitting}>
              {submitting ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        </div>
      </div>
    </main>
  );
}
