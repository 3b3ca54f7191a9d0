import { Trans, useTranslation } from 'react-i18next';
import { settingsApi } from '../../api/resources.ts';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { restaurantPath } from '../../router.ts';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';

/**
 * An honest placeholder: talking to the agent from the browser needs the
 * controller's WebSocket transport, which does not exist yet. No fake call UI.
 */
export function TestCallPage() {
  const { t } = useTranslation();
  const { id: rid } = useRestaurant();
  const lines = useLoad(() => settingsApi.phoneLines(rid), [rid]);
  const enabled = lines.data?.items.filter((l) => l.enabled) ?? [];
  const code = <code />;
  return (
    <>
      <PageHeader title={t('nav.testCall')} />
      <div className="card shadow-sm" style={{ maxWidth: 760 }} data-testid="test-call-notice">
        <div className="card-body">
          <div className="alert alert-info mb-3" role="status">
            <strong>{t('testCall.comingTitle')}</strong> {t('testCall.comingBody')}
          </div>
          <h2 className="h6">{t('testCall.needsTitle')}</h2>
          <ol className="mb-3">
            <li><Trans i18nKey="testCall.needKey" components={{ code }} /></li>
            <li><Trans i18nKey="testCall.needController" components={{ code }} /></li>
            <li>{t('testCall.needTransport')}</li>
          </ol>
          <h2 className="h6">{t('testCall.meanwhileTitle')}</h2>
          <p className="mb-1">{t('testCall.meanwhileBody')}</p>
          {enabled.length > 0 ? (
            <ul className="mb-2">{enabled.map((l) => <li key={l.id}><strong>{l.did}</strong>{l.label && ` · ${l.label}`}</li>)}</ul>
          ) : lines.data && <p className="text-body-secondary small">{t('testCall.noLine')}</p>}
          <a href={`#${restaurantPath(rid, 'calls')}`}>{t('testCall.seeCalls')}</a>
        </div>
      </div>
    </>
  );
}
