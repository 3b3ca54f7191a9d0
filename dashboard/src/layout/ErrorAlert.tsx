import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** The API's own message when it sent one (it is written for people); a translated fallback otherwise. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (!(error instanceof ApiError)) return t('errors.unexpected');
    if (error.code === 'network') return t('errors.network');
    if (error.code === 'bad_response') return t('errors.badResponse');
    if (error.code === 'http_error') return t('errors.unexpected');
    return error.message;
  };
}

export function ErrorAlert({ error }: { error: unknown }) {
  const message = useErrorMessage();
  return (
    <div className="alert alert-danger" role="alert">
      {message(error)}
    </div>
  );
}
