import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsApi } from '../../api/resources.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { AgentSettingsForm } from './AgentSettingsForm.tsx';
import { ClosuresCard } from './ClosuresCard.tsx';
import { OpeningHoursForm } from './OpeningHoursForm.tsx';
import { RestaurantInfoForm } from './RestaurantInfoForm.tsx';

const Card = ({ title, children }: { title: string; children: ReactNode }) => (
  <div className="card shadow-sm"><div className="card-body"><h2 className="h5">{title}</h2>{children}</div></div>
);

export function SettingsPage() {
  const { t } = useTranslation();
  const { id: rid, settings, reloadSettings } = useRestaurant();
  const lines = useLoad(() => settingsApi.phoneLines(rid), [rid]);
  return (
    <>
      <PageHeader title={t('nav.settings')} />
      <div className="row g-3">
        <section className="col-xl-7 d-flex flex-column gap-3">
          <Card title={t('settings.restaurant')}>
            <RestaurantInfoForm restaurantId={rid} settings={settings} onSaved={reloadSettings} />
          </Card>
          <Card title={t('settings.agent')}>
            <AgentSettingsForm restaurantId={rid} settings={settings} onSaved={reloadSettings} />
          </Card>
        </section>
        <section className="col-xl-5 d-flex flex-column gap-3">
          <Card title={t('hours.title')}>
            <OpeningHoursForm restaurantId={rid} />
          </Card>
          <Card title={t('closures.title')}>
            <ClosuresCard restaurantId={rid} timeZone={settings.timeZone} />
          </Card>
          <Card title={t('settings.phoneLines')}>
            {lines.error !== null && <ErrorAlert error={lines.error} />}
            <ul className="list-group list-group-flush" data-testid="phone-lines">
              {lines.data?.items.map((l) => (
                <li key={l.id} className="list-group-item px-0 d-flex justify-content-between gap-2">
                  <span><strong>{l.did}</strong> {l.label && `· ${l.label}`}<div className="small text-body-secondary">{t(`settings.lineKind.${l.kind}`)} · {l.endpointName}</div></span>
                  <span className={`badge align-self-center text-bg-${l.enabled ? 'success' : 'secondary'}`}>{l.enabled ? t('settings.enabled') : t('settings.disabled')}</span>
                </li>
              ))}
            </ul>
          </Card>
        </section>
      </div>
    </>
  );
}
