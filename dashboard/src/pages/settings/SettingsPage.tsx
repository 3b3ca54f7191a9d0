import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsApi } from '../../api/resources.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { restaurantPath } from '../../router.ts';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { AgentSettingsForm } from './AgentSettingsForm.tsx';
import { ClosuresCard } from './ClosuresCard.tsx';
import { OpeningHoursForm } from './OpeningHoursForm.tsx';
import { RestaurantInfoForm } from './RestaurantInfoForm.tsx';
import { SyncSettings } from './sync/SyncSettings.tsx';

const Card = ({ title, children }: { title: string; children: ReactNode }) => (
  <div className="card shadow-sm"><div className="card-body"><h2 className="h5">{title}</h2>{children}</div></div>
);

const TABS = ['general', 'sync'] as const;
type Tab = (typeof TABS)[number];

/** The settings, in tabs named by the URL's last segment (`settings/sync`), so a tab can be linked to. */
export function SettingsPage({ tab }: { tab: string | null }) {
  const { t } = useTranslation();
  const { id: rid } = useRestaurant();
  const current: Tab = tab === 'sync' ? 'sync' : 'general';
  return (
    <>
      <PageHeader title={t('nav.settings')} />
      <ul className="nav nav-tabs mb-3" role="tablist">
        {TABS.map((x) => (
          <li key={x} className="nav-item">
            <a className={`nav-link${x === current ? ' active' : ''}`} aria-current={x === current ? 'page' : undefined} data-testid={`settings-tab-${x}`}
              href={`#${restaurantPath(rid, x === 'general' ? 'settings' : `settings/${x}`)}`}>{t(`settings.tabs.${x}`)}</a>
          </li>
        ))}
      </ul>
      {current === 'sync' ? <SyncSettings /> : <GeneralSettings />}
    </>
  );
}

function GeneralSettings() {
  const { t } = useTranslation();
  const { id: rid, settings, reloadSettings } = useRestaurant();
  const lines = useLoad(() => settingsApi.phoneLines(rid), [rid]);
  return (
    <>
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
