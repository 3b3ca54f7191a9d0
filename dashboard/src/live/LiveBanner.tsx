import { useTranslation } from 'react-i18next';
import { useLive } from './LiveProvider.tsx';

/** Says so while the live link is down: what is on screen may be late. */
export function LiveBanner() {
  const { t } = useTranslation();
  const { status } = useLive();
  if (status !== 'down') return null;
  return (
    <div className="alert alert-warning py-1 px-3 mb-3 d-flex align-items-center gap-2 small" role="status" data-testid="live-banner">
      <span className="spinner-border spinner-border-sm" aria-hidden="true" />
      {t('live.reconnecting')}
    </div>
  );
}
