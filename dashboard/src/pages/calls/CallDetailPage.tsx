import { useTranslation } from 'react-i18next';
import { callsApi } from '../../api/resources.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useLiveEvent } from '../../live/LiveProvider.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { itemPath, restaurantPath } from '../../router.ts';
import { useLoad } from '../shared/useLoad.ts';
import { OUTCOME_COLOR, costCents, formatDuration } from './callFormat.ts';
import { ToolCalls } from './ToolCalls.tsx';
import { Transcript } from './Transcript.tsx';

export function CallDetailPage({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const { data: c, error, reload } = useLoad(() => callsApi.get(rid, callId), [rid, callId]);
  // A call in progress fills in live, turn by turn.
  useLiveEvent(['call.'], (ev) => {
    if ((ev.payload as { callId?: string }).callId === callId) reload();
  });
  if (!c) return error ? <ErrorAlert error={error} /> : <Spinner />;

  return (
    <>
      <a href={`#${restaurantPath(rid, 'calls')}`} className="small">← {t('nav.calls')}</a>
      <header className="d-flex flex-wrap align-items-center gap-2 my-2">
        <h1 className="h3 mb-0 me-2">{t('calls.title', { who: c.customerName ?? c.callerNumber ?? t('calls.hidden') })}</h1>
        <span className={`badge text-bg-${OUTCOME_COLOR[c.outcome]}`}>{t(`callOutcome.${c.outcome}`)}</span>
      </header>
      <p className="text-body-secondary">
        {formatDateTime(c.startedAt, settings.timeZone)} · {formatDuration(c.durationSeconds)} ·{' '}
        {formatMoney(costCents(c.costMicros), settings.currency)} · {t(`callParty.${c.handledBy}`)}
      </p>
      {c.summary && <p>{c.summary}</p>}
      <div className="row g-3">
        <section className="col-lg-7">
          <div className="card shadow-sm">
            <div className="card-body">
              <h2 className="h5">{t('calls.transcript')}</h2>
              {c.recordingUrl && <audio controls src={c.recordingUrl} className="w-100 mb-3" />}
              <Transcript turns={c.turns} timeZone={settings.timeZone} />
            </div>
          </div>
        </section>
        <section className="col-lg-5 d-flex flex-column gap-3">
          {(c.order || c.reservation) && (
            <div className="card shadow-sm">
              <div className="card-body">
                <h2 className="h5">{t('calls.result')}</h2>
                {c.order && (
                  <a href={`#${itemPath(rid, 'orders', c.order.id)}`} data-testid="call-order-link">
                    {t('orders.title', { number: c.order.number })} · {formatMoney(c.order.totalCents, settings.currency)}
                  </a>
                )}
                {c.reservation && (
                  <a href={`#${restaurantPath(rid, 'reservations')}`} className="d-block">
                    {t('calls.reservation', { when: formatDateTime(c.reservation.startsAt, settings.timeZone), n: c.reservation.partySize })}
                  </a>
                )}
              </div>
            </div>
          )}
          <div className="card shadow-sm">
            <div className="card-body">
              <h2 className="h5">{t('calls.tools')}</h2>
              <ToolCalls tools={c.tools} />
            </div>
          </div>
        </section>
      </div>
    </>
  );
}
