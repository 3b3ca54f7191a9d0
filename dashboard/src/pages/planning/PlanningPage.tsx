import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ordersApi, reservationsApi, venueApi } from '../../api/resources.ts';
import { addDays, localParts, todayIn } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useLiveReload } from '../../live/LiveProvider.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { DeliveryDepartures } from './DeliveryDepartures.tsx';
import { KitchenQueue } from './KitchenQueue.tsx';
import { ReservationTimeline } from './ReservationTimeline.tsx';

// Orders are filtered by creation date in the API; one promised for this day was taken at most this many days before.
const ORDER_LOOKBACK_DAYS = 7;

/** The service board for one day: tables, kitchen load and delivery departures. */
export function PlanningPage() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const tz = settings.timeZone;
  const [date, setDate] = useState(todayIn(tz));
  const { data, error, reload } = useLoad(async () => {
    const [rooms, tables, reservations, orders] = await Promise.all([
      venueApi.rooms(rid), venueApi.tables(rid),
      reservationsApi.list(rid, { from: date, to: date, pageSize: 200 }),
      ordersApi.list(rid, { from: addDays(date, -ORDER_LOOKBACK_DAYS), to: date, pageSize: 200 }),
    ]);
    const kitchen = orders.items.filter((o) => o.type !== 'dine_in' && o.status !== 'cancelled' && o.promisedAt && localParts(o.promisedAt, tz).date === date);
    return { rooms: rooms.items, tables: tables.items, reservations: reservations.items, kitchen };
  }, [rid, date]);
  useLiveReload(['order.', 'reservation.'], reload);

  return (
    <>
      <PageHeader title={t('nav.planning')}>
        <div className="input-group w-auto">
          <button type="button" className="btn btn-outline-secondary" onClick={() => setDate(addDays(date, -1))} aria-label={t('planning.previous')}>‹</button>
          <input type="date" className="form-control" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} data-testid="planning-date" />
          <button type="button" className="btn btn-outline-secondary" onClick={() => setDate(addDays(date, 1))} aria-label={t('planning.next')}>›</button>
        </div>
      </PageHeader>
      {error !== null && <ErrorAlert error={error} />}
      {!data ? (error === null && <Spinner />) : (
        <div className="row g-3">
          <section className="col-12">
            <div className="card shadow-sm"><div className="card-body">
              <h2 className="h5">{t('planning.tables')}</h2>
              <ReservationTimeline rooms={data.rooms} tables={data.tables} reservations={data.reservations} timeZone={tz} />
            </div></div>
          </section>
          <section className="col-lg-7">
            <div className="card shadow-sm h-100"><div className="card-body">
              <h2 className="h5">{t('planning.kitchen')}</h2>
              <KitchenQueue orders={data.kitchen} timeZone={tz} maxOrders={settings.kitchenSlotMaxOrders} maxItems={settings.kitchenSlotMaxItems} />
            </div></div>
          </section>
          <section className="col-lg-5">
            <div className="card shadow-sm h-100"><div className="card-body">
              <h2 className="h5">{t('planning.departures')}</h2>
              <DeliveryDepartures orders={data.kitchen} timeZone={tz} />
            </div></div>
          </section>
        </div>
      )}
    </>
  );
}
