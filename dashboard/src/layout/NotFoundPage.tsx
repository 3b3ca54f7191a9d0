import { useTranslation } from 'react-i18next';

/** A restaurant or page this account may not see: nothing of it is loaded or shown. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="container py-5" data-testid="not-found">
      <div className="card shadow-sm mx-auto" style={{ maxWidth: 520 }}>
        <div className="card-body text-center py-5">
          <h1 className="h4">{t('notFound.title')}</h1>
          <p className="text-body-secondary">{t('notFound.body')}</p>
          <a className="btn btn-primary" href="#/">{t('notFound.home')}</a>
        </div>
      </div>
    </main>
  );
}
