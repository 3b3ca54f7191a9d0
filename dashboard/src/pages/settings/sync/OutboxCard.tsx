import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncOutboxEntry } from '../../../../../api/src/contract/index.ts';
import { syncApi, type OutboxStatus } from '../../../api/sync.ts';
import { formatDateTime } from '../../../format.ts';
import { ErrorAlert } from '../../../layout/ErrorAlert.tsx';
import { useLiveReload } from '../../../live/LiveProvider.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { PLATFORM_LABEL } from './platforms.ts';

const RECENT = 20;
export const OUTBOX_COLOR: Record<OutboxStatus, string> = { pending: 'secondary', queued: 'secondary', processing: 'info', done: 'success', failed: 'danger' };

/** Pushes to the platforms: the failures first, each with a retry, then the latest sends. */
export function OutboxCard({ restaurantId, timeZone, onRetried }: { restaurantId: string; timeZone: string; onRetried: () => void }) {
  const { t } = useTranslation();
  const failed = useLoad(() => syncApi.outbox(restaurantId, { status: 'failed', pageSize: 100 }), [restaurantId]);
  const recent = useLoad(() => syncApi.outbox(restaurantId, { pageSize: RECENT }), [restaurantId]);
  const [retryError, setRetryError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const reload = () => { failed.reload(); recent.reload(); };
  useLiveReload(['sync.', 'reservation.'], reload);
  const retry = async (id: string) => {
    setBusy(id);
    setRetryError(null);
    try {
      await syncApi.retry(restaurantId, id);
      reload();
      onRetried();
    } catch (e) {
      setRetryError(e);
    } finally {
      setBusy(null);
    }
  };
  const error = failed.error ?? recent.error ?? retryError;
  const rows = (items: SyncOutboxEntry[], testId: string) => (
    <div className="table-responsive mb-3"><table className="table table-sm align-middle mb-0" data-testid={testId}>
      <thead><tr><th>{t('sync.when')}</th><th>{t('sync.platform')}</th><th>{t('sync.event')}</th><th>{t('sync.status')}</th><th className="text-end">{t('sync.attempts')}</th><th /></tr></thead>
      <tbody>
        {items.map((o) => (
          <tr key={o.id} data-testid="outbox-row" data-outbox-id={o.id} data-status={o.status}>
            <td className="text-nowrap small">{formatDateTime(o.updatedAt, timeZone)}</td>
            <td>{PLATFORM_LABEL[o.platform]}</td>
            <td className="small">
              {t(`sync.events.${o.event}`, { defaultValue: o.event })} <span className="text-body-secondary" title={o.entityId}>· …{o.entityId.slice(-6)}</span>
              {o.lastError && <div className={o.conflict ? 'text-warning-emphasis' : 'text-danger'}>{o.conflict && `${t('sync.conflict')} : `}{o.lastError}</div>}
            </td>
            <td><span className={`badge text-bg-${o.conflict ? 'warning' : OUTBOX_COLOR[o.status]}`}>{t(`sync.outboxStatus.${o.status}`)}</span></td>
            <td className="text-end">{o.attempts}</td>
            <td className="text-end">
              {o.status === 'failed' && (
                <button type="button" className="btn btn-sm btn-outline-primary" data-testid="retry-outbox" disabled={busy === o.id} onClick={() => void retry(o.id)}>{t('sync.retry')}</button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table></div>
  );

  return (
    <div data-testid="sync-outbox">
      {error !== null && <ErrorAlert error={error} />}
      <h3 className="h6">{t('sync.failures')}{failed.data && failed.data.total > 0 && <span className="badge text-bg-danger ms-2">{failed.data.total}</span>}</h3>
      {failed.data?.items.length === 0 ? <p className="text-body-secondary small">{t('sync.noFailure')}</p> : failed.data && rows(failed.data.items, 'outbox-failed')}
      <h3 className="h6">{t('sync.recent')}</h3>
      {recent.data?.items.length === 0 ? <p className="text-body-secondary small mb-0">{t('sync.noSync')}</p> : recent.data && rows(recent.data.items, 'outbox-recent')}
    </div>
  );
}
