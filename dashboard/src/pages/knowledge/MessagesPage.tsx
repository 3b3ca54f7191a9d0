import { useTranslation } from 'react-i18next';
import { MessageStatus } from '../../../../api/src/contract/index.ts';
import { knowledgeApi } from '../../api/resources.ts';
import { formatDateTime } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useLiveReload } from '../../live/LiveProvider.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { itemPath } from '../../router.ts';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';

export function MessagesPage() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const { data, error, reload } = useLoad(() => knowledgeApi.messages(rid), [rid]);
  useLiveReload(['message.'], reload);
  if (!data) return error ? <ErrorAlert error={error} /> : <Spinner />;
  return (
    <>
      <PageHeader title={t('nav.messages')} />
      {data.items.length === 0 && <p className="text-body-secondary">{t('messages.empty')}</p>}
      <div className="d-flex flex-column gap-2">
        {data.items.map((m) => (
          <article key={m.id} className={`card shadow-sm${m.status === 'done' ? ' opacity-75' : ''}`} data-testid="message">
            <div className="card-body">
              <div className="d-flex flex-wrap gap-2 align-items-baseline">
                <strong>{m.callerName ?? t('anonymous')}</strong>
                {m.callerPhone && <a href={`tel:${m.callerPhone}`}>{m.callerPhone}</a>}
                {m.callbackWanted && <span className="badge text-bg-warning">{t('messages.callback')}</span>}
                <span className="small text-body-secondary ms-auto">{formatDateTime(m.createdAt, settings.timeZone)}</span>
              </div>
              <p className="my-2">{m.body}</p>
              <div className="d-flex flex-wrap gap-2 align-items-center">
                <select className="form-select form-select-sm w-auto" aria-label={t('messages.status')} value={m.status}
                  onChange={(e) => void knowledgeApi.setMessageStatus(rid, m.id, e.target.value).then(reload, reload)}>
                  {MessageStatus.options.map((s) => <option key={s} value={s}>{t(`messages.statuses.${s}`)}</option>)}
                </select>
                {m.callId && <a className="small" href={`#${itemPath(rid, 'calls', m.callId)}`}>{t('orders.seeCall')}</a>}
              </div>
            </div>
          </article>
        ))}
      </div>
    </>
  );
}
