import { useTranslation } from 'react-i18next';
import { AdminRestaurantsPage } from './AdminRestaurantsPage.tsx';
import { ImportWizard } from './import/ImportWizard.tsx';
import { VoiceServersPage } from './VoiceServersPage.tsx';

/** The platform admin's pages, under #/admin[/tab]; the key is the URL segment and the `admin.nav.*` label. */
const TABS = [
  ['restaurants', ''],
  ['import', 'import'],
  ['voiceServers', 'voice-servers'],
] as const;

export const isAdminPath = (path: string) => /^\/admin(?:\/|$)/.test(path);

export function AdminPage({ path }: { path: string }) {
  const { t } = useTranslation();
  const [route = '', query = ''] = path.split('?');
  const segment = route.replace(/^\/admin\/?/, '').split('/')[0] ?? '';
  const tab = TABS.find(([, s]) => s === segment)?.[0];

  return (
    <main className="container-fluid py-3 px-md-4">
      <ul className="nav nav-tabs mb-3 d-print-none" data-testid="admin-tabs">
        {TABS.map(([key, s]) => (
          <li className="nav-item" key={key}>
            <a className={`nav-link${key === tab ? ' active' : ''}`} aria-current={key === tab ? 'page' : undefined}
              href={`#/admin${s ? `/${s}` : ''}`} data-testid={`admin-tab-${key}`}>
              {t(`admin.nav.${key}`)}
            </a>
          </li>
        ))}
      </ul>
      {tab === 'restaurants' && <AdminRestaurantsPage />}
      {tab === 'import' && <ImportWizard initialRestaurantId={new URLSearchParams(query).get('restaurant')} />}
      {tab === 'voiceServers' && <VoiceServersPage />}
      {tab === undefined && <div className="alert alert-warning">{t('notFound.title')}</div>}
    </main>
  );
}
