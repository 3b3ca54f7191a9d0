import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallOutcome } from '../../../../api/src/contract/index.ts';
import { callsApi } from '../../api/resources.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useLiveReload } from '../../live/LiveProvider.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { itemPath } from '../../router.ts';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { OUTCOME_COLOR, costCents, formatDuration } from './callFormat.ts';

export function CallsPage() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const [outcome, setOutcome] = useState('');
  const { data, error, reload } = useLoad(() => callsApi.list(rid, { outcome, pageSize: 100 }), [rid, outcome]);
  useLiveReload(['call.started', 'call.ended', 'call.updated'], reload);

  return (
    <>
      <PageHeader title={t('nav.calls')}>
        <select className="form-select w-auto" aria-label={t('calls.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          <option value="">{t('calls.allOutcomes')}</option>
          {CallOutcome.options.map((o) => <option key={o} value={o}>{t(`callOutcome.${o}`)}</option>)}
        </select>
      </PageHeader>
      {error !== null && <ErrorAlert error={error} />}
      {!data ? (error === null && <Spinner />) : data.items.length === 0 ? (
        <p className="text-body-secondary">{t('calls.empty')}</p>
      ) : (
        <div className="card shadow-sm">
          <div className="table-responsive">
            <table className="table table-hover align-middle mb-0" data-testid="calls-table">
              <thead>
                <tr>
                  <th>{t('calls.when')}</th><th>{t('calls.caller')}</th><th>{t('calls.outcome')}</th>
                  <th className="text-end">{t('calls.duration')}</th><th className="text-end">{t('calls.cost')}</th><th>{t('calls.summary')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={c.id} data-testid="call-row">
                    <td className="text-nowrap"><a href={`#${itemPath(rid, 'calls', c.id)}`}>{formatDateTime(c.startedAt, settings.timeZone)}</a></td>
                    <td className="text-nowrap">{c.customerName ?? c.callerNumber ?? t('calls.hidden')}</td>
                    <td>
                      <span className={`badge text-bg-${OUTCOME_COLOR[c.outcome]}`}>{t(`callOutcome.${c.outcome}`)}</span>
                      {c.orderNumber !== null && <span className="small ms-1">N° {c.orderNumber}</span>}
                    </td>
                    <td className="text-end text-nowrap">{formatDuration(c.durationSeconds)}</td>
                    <td className="text-end text-nowrap">{formatMoney(costCents(c.costMicros), settings.currency)}</td>
                    <td className="small text-truncate" style={{ maxWidth: 320 }} title={c.summary ?? ''}>{c.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </>
  );
}
