import { useTranslation } from 'react-i18next';
import { settingsApi } from '../../api/resources.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { AgentSettingsForm } from './AgentSettingsForm.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const { id: rid, settings, reloadSettings } = useRestaurant();
  const lines = useLoad(() => settingsApi.phoneLines(rid), [rid]);
  return (
    <>
      <PageHeader title={t('nav.settings')} />
      <div className="row g-3">
        <section className="col-xl-7">
          <div className="card shadow-sm"><div className="card-body">
            <h2 className="h5">{t('settings.agent')}</h2>
            <AgentSettingsForm restaurantId={rid} settings={settings} onSaved={reloadSettings} />
          </div></div>
        </section>
        <section className="col-xl-5 d-flex flex-column gap-3">
          <div className="card shadow-sm"><div className="card-body">
            <h2 className="h5">{t('settings.restaurant')}</h2>
            <div>{settings.name}</div>
            <div className="text-body-secondary small">{settings.addressLine1}, {settings.postcode} {settings.city} · {settings.timeZone}</div>
            <div className="small mt-1">{settings.phone}</div>
          </div></div>
          <div className="card shadow-sm"><div className="card-body">
            <h2 className="h5">{t('settings.phoneLines')}</h2>
            {lines.error !== null && <ErrorAlert error={lines.error} />}
            <ul className="list-group list-group-flush" data-testid="phone-lines">
              {lines.data?.items.map((l) => (
                <li key={l.id} className="list-group-item px-0 d-flex justify-content-between gap-2">
                  <span><strong>{l.did}</strong> {l.label && `· ${l.label}`}<div className="small text-body-secondary">{t(`settings.lineKind.${l.kind}`)} · {l.endpointName}</div></span>
                  <span className={`badge align-self-center text-bg-${l.enabled ? 'success' : 'secondary'}`}>{l.enabled ? t('settings.enabled') : t('settings.disabled')}</span>
                </li>
              ))}
            </ul>
          </div></div>
        </section>
      </div>
    </>
  );
}
