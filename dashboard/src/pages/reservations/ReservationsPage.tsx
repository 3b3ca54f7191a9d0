import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReservationStatusSchema } from '../../../../api/src/contract/index.ts';
import { reservationsApi } from '../../api/resources.ts';
import { syncApi } from '../../api/sync.ts';
import { formatLongDate, todayIn } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useLiveReload } from '../../live/LiveProvider.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { RESERVATION_STATUS_COLOR } from '../overview/status.ts';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { NewReservationForm } from './NewReservationForm.tsx';
import { ReservationStatusButtons } from './ReservationStatusButtons.tsx';
import { SyncBadge, useSyncBadges } from './SyncBadge.tsx';

export function ReservationsPage() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const today = todayIn(settings.timeZone);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState('');
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [moveError, setMoveError] = useState<unknown>(null);
  const { data, error, reload } = useLoad(() => reservationsApi.list(rid, { from, to, status, q, pageSize: 200 }), [rid, from, to, status, q]);
  useLiveReload(['reservation.'], reload);
  // Badges only when a platform is connected; a user who may not read the settings (403) still gets them.
  const sync = useLoad(() => syncApi.platforms(rid).then((l) => l.length > 0, () => true), [rid]);
  const showSync = sync.data === true;
  const [syncEpoch, setSyncEpoch] = useState(0);
  useLiveReload(['sync.'], () => setSyncEpoch((n) => n + 1));
  // One request for the whole page, asked again when a reservation or a sync changes.
  const badges = useSyncBadges(rid, data?.items.map((r) => r.id) ?? [], showSync, `${data?.items.map((r) => r.updatedAt).join()}:${syncEpoch}`);

  return (
    <>
      <PageHeader title={t('nav.reservations')}>
        {!creating && <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="open-new-reservation">{t('reservations.new')}</button>}
      </PageHeader>
      {creating && <NewReservationForm restaurantId={rid} initialDate={from || today} onCancel={() => setCreating(false)} onCreated={() => { setCreating(false); reload(); }} />}
      <div className="row g-2 mb-3">
        <div className="col-6 col-lg-2"><input type="date" className="form-control" aria-label={t('reservations.from')} value={from} onChange={(e) => setFrom(e.target.value)} /></div>
        <div className="col-6 col-lg-2"><input type="date" className="form-control" aria-label={t('reservations.to')} value={to} onChange={(e) => setTo(e.target.value)} /></div>
        <div className="col-6 col-lg-3">
          <select className="form-select" aria-label={t('reservations.status')} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('reservations.allStatuses')}</option>
            {ReservationStatusSchema.options.map((s) => <option key={s} value={s}>{t(`reservationStatus.${s}`)}</option>)}
          </select>
        </div>
        <div className="col-6 col-lg-5"><input type="search" className="form-control" placeholder={t('reservations.search')} value={q} onChange={(e) => setQ(e.target.value)} /></div>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {moveError !== null && <ErrorAlert error={moveError} />}
      {!data ? (error === null && <Spinner />) : data.items.length === 0 ? (
        <p className="text-body-secondary">{t('reservations.empty')}</p>
      ) : (
        <div className="card shadow-sm">
          <div className="table-responsive">
            <table className="table table-hover align-middle mb-0" data-testid="reservations-list">
              <thead>
                <tr><th>{t('reservations.when')}</th><th className="text-end">{t('reservations.partySize')}</th><th>{t('reservations.name')}</th><th>{t('reservations.status')}</th>{showSync && <th>{t('reservations.sync')}</th>}<th>{t('reservations.actions')}</th></tr>
              </thead>
              <tbody>
                {data.items.map((r) => (
                  <tr key={r.id} data-testid="reservation-row">
                    <td className="text-nowrap">{r.localDate === today ? t('reservations.today') : formatLongDate(r.localDate)} · {r.localTime}</td>
                    <td className="text-end">{r.partySize}</td>
                    <td>{r.customerName}{r.customerPhone && <div className="small text-body-secondary">{r.customerPhone}</div>}{r.notes && <div className="small fst-italic">{r.notes}</div>}</td>
                    <td><span className={`badge text-bg-${RESERVATION_STATUS_COLOR[r.status]}`}>{t(`reservationStatus.${r.status}`)}</span></td>
                    {showSync && <td><SyncBadge badges={badges} reservationId={r.id} /></td>}
                    <td><ReservationStatusButtons restaurantId={rid} reservation={r} onChanged={() => { setMoveError(null); reload(); }} onError={setMoveError} /></td>
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
