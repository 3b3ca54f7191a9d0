import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPlatformName, SyncPlatformView } from '../../../../../api/src/contract/index.ts';
import { formatDateTime } from '../../../format.ts';
import { ErrorAlert } from '../../../layout/ErrorAlert.tsx';
import { Spinner } from '../../../layout/Spinner.tsx';
import { MASTERED_ENTITIES, PLATFORM_LABEL, PLATFORMS, webhookUrl } from './platforms.ts';
import { PlatformForm } from './PlatformForm.tsx';

/** The connected platforms, what to paste into each, and the form to connect or edit one. */
export function PlatformsCard(props: { restaurantId: string; timeZone: string; platforms: SyncPlatformView[] | null; error: unknown; onChanged: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<SyncPlatformName | 'new' | null>(null);
  const list = props.platforms;
  const free = PLATFORMS.filter((p) => !list?.some((v) => v.platform === p));
  const done = () => { setEditing(null); props.onChanged(); };

  return (
    <div data-testid="sync-platforms">
      {props.error !== null && <ErrorAlert error={props.error} />}
      {!list ? props.error === null && <Spinner /> : (
        <>
          {editing === 'new' ? (
            <PlatformForm restaurantId={props.restaurantId} choices={free} existing={null} onSaved={done} onCancel={() => setEditing(null)} />
          ) : free.length > 0 && editing === null && (
            <button type="button" className="btn btn-sm btn-outline-primary mb-2" data-testid="connect-platform" onClick={() => setEditing('new')}>+ {t('sync.connectPlatform')}</button>
          )}
          {list.length === 0 && editing !== 'new' && <p className="text-body-secondary small mb-0">{t('sync.noPlatform')}</p>}
          <ul className="list-group list-group-flush">
            {list.map((p) => (
              <li key={p.platform} className="list-group-item px-0" data-testid="sync-platform" data-platform={p.platform}>
                {editing === p.platform ? (
                  <PlatformForm restaurantId={props.restaurantId} choices={[p.platform]} existing={p} onSaved={done} onCancel={() => setEditing(null)} />
                ) : (
                  <PlatformSummary view={p} timeZone={props.timeZone} onEdit={editing === null ? () => setEditing(p.platform) : undefined} />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function PlatformSummary({ view: p, timeZone, onEdit }: { view: SyncPlatformView; timeZone: string; onEdit?: () => void }) {
  const { t } = useTranslation();
  const url = webhookUrl(p.platform, p.webhookPath);
  const masters = MASTERED_ENTITIES.filter((e) => p.mastering[e]).map((e) =>
    `${t(`sync.entity.${e}`)} : ${p.mastering[e] === 'local' ? t('sync.master.local') : PLATFORM_LABEL[p.platform]}`);
  return (
    <div className="d-flex gap-2 align-items-start">
      <div className="me-auto small">
        <div className="fs-6">
          <strong>{PLATFORM_LABEL[p.platform]}</strong>
          <span className={`badge ms-2 text-bg-${p.enabled ? 'success' : 'secondary'}`}>{p.enabled ? t('settings.enabled') : t('settings.disabled')}</span>
          {p.failedCount > 0 && <span className="badge ms-1 text-bg-danger">{t('sync.failedCount', { count: p.failedCount })}</span>}
          {p.pendingCount > 0 && <span className="badge ms-1 text-bg-warning">{t('sync.pendingCount', { count: p.pendingCount })}</span>}
        </div>
        <div>{t(`sync.externalId.${p.platform}`)} : {p.externalRestaurantId}</div>
        <div className="mt-1">{t('sync.webhookUrl')} :</div>
        <div className="d-flex align-items-center gap-1">
          <code className="text-break user-select-all" data-testid="webhook-url">{url}</code>
          {p.platform === 'thefork' && <em className="text-body-secondary">{t('sync.yourSecret')}</em>}
          <button type="button" className="btn btn-sm btn-link p-0 ms-1" onClick={() => void navigator.clipboard?.writeText(url)}>{t('sync.copy')}</button>
        </div>
        <div data-testid="webhook-secret-state">{t(p.hasWebhookSecret ? 'sync.secretSet' : 'sync.secretMissing')}</div>
        <div>{t('sync.mastering')} : {masters.length ? masters.join(' · ') : t('sync.master.noneSummary')}</div>
        <div className="text-body-secondary">{t('sync.lastPolled')} : {p.lastPolledAt ? formatDateTime(p.lastPolledAt, timeZone) : t('sync.never')}</div>
        {p.lastError && <div className="text-danger">{t('sync.lastError')}{p.lastErrorAt && ` (${formatDateTime(p.lastErrorAt, timeZone)})`} : {p.lastError}</div>}
      </div>
      {onEdit && <button type="button" className="btn btn-sm btn-outline-secondary" data-testid="edit-platform" onClick={onEdit}>{t('crud.edit')}</button>}
    </div>
  );
}
