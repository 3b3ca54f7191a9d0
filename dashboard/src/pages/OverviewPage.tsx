import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { statsApi } from '../api/catalog.ts';
import { addDays, formatLongDate, todayIn } from '../format.ts';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';
import { Spinner } from '../layout/Spinner.tsx';
import { useLiveReload } from '../live/LiveProvider.tsx';
import { useRestaurant } from '../restaurant/RestaurantContext.tsx';
import { LiveCallFeed } from './overview/LiveCallFeed.tsx';
import { OrdersTable } from './overview/OrdersTable.tsx';
import { ReservationsTable } from './overview/ReservationsTable.tsx';
import { DaysChart, HoursChart } from './overview/StatsCharts.tsx';
import { StatsFigures } from './overview/StatsFigures.tsx';
import { useLoad } from './shared/useLoad.ts';

// Figures follow the live stream; a burst of events (an order confirmed mid-call) is folded into one reload.
const LIVE_PREFIXES = ['order.', 'reservation.', 'call.started', 'call.updated', 'call.ended'] as const;

export function OverviewPage({ restaurantId }: { restaurantId: string }) {
  const { t } = useTranslation();
  const { settings } = useRestaurant();
  const { data, error, reload } = useLoad(async () => {
    const today = todayIn(settings.timeZone);
    const [overview, week, hours] = await Promise.all([
      api.overview(restaurantId),
      statsApi.get(restaurantId, { from: addDays(today, -6), to: today, granularity: 'day' }),
      statsApi.get(restaurantId, { from: today, to: today, granularity: 'hour' }),
    ]);
    return { overview, week, hours };
  }, [restaurantId, settings.timeZone]);
  useLiveReload(LIVE_PREFIXES, reload, 400);

  // A failed background refresh keeps the last figures on screen, under the error.
  const errorBlock = error !== null && (
    <div className="d-flex flex-wrap gap-2 align-items-start">
      <div className="flex-grow-1"><ErrorAlert error={error} /></div>
      <button type="button" className="btn btn-outline-primary" onClick={reload}>{t('app.retry')}</button>
    </div>
  );
  if (!data) return errorBlock || <Spinner />;

  const { restaurant, today } = data.overview;
  const { address } = restaurant;
  return (
    <>
      <header className="mb-3 d-flex flex-wrap align-items-baseline column-gap-3">
        <h1 className="h3 mb-0" data-testid="restaurant-name">{restaurant.name}</h1>
        <address className="text-body-secondary mb-0" data-testid="restaurant-address">
          {[address.line1, address.line2, `${address.postcode} ${address.city}`].filter(Boolean).join(', ')}
        </address>
        <div className="fw-semibold ms-md-auto">{t('overview.today', { date: formatLongDate(today.date) })}</div>
      </header>
      {errorBlock}
      <StatsFigures totals={data.hours.totals} currency={restaurant.currency} commissionBp={data.hours.platformCommissionBp} />
      <div className="row g-3 mb-3">
        <section className="col-lg-6 col-xl-5">
          <div className="card shadow-sm h-100"><div className="card-body">
            <h2 className="h6 card-title">{t('overview.charts.daysTitle')}</h2>
            <DaysChart stats={data.week} currency={restaurant.currency} />
          </div></div>
        </section>
        <section className="col-lg-6 col-xl-4">
          <div className="card shadow-sm h-100"><div className="card-body">
            <h2 className="h6 card-title">{t('overview.charts.hoursTitle')}</h2>
            <HoursChart stats={data.hours} />
          </div></div>
        </section>
        <section className="col-xl-3">
          <div className="card shadow-sm h-100"><div className="card-body">
            <h2 className="h6 card-title d-flex align-items-center gap-2">
              <span className="spinner-grow spinner-grow-sm text-danger" style={{ width: '0.6rem', height: '0.6rem' }} aria-hidden="true" />
              {t('overview.live.title')}
            </h2>
            <LiveCallFeed />
          </div></div>
        </section>
      </div>
      <div className="row g-3">
        <section className="col-xxl-7">
          <div className="card shadow-sm h-100">
            <div className="card-body">
              <h2 className="h5 card-title mb-3">{t('overview.orders.title')}</h2>
              <OrdersTable orders={data.overview.orders} timeZone={restaurant.timeZone} currency={restaurant.currency} />
            </div>
          </div>
        </section>
        <section className="col-xxl-5">
          <div className="card shadow-sm h-100">
            <div className="card-body">
              <h2 className="h5 card-title mb-3">
                {t('overview.reservations.title')}
                <span className="small text-body-secondary fw-normal ms-2">{t('overview.coversToday', { reservations: today.reservations, covers: today.covers })}</span>
              </h2>
              <ReservationsTable reservations={data.overview.reservations} timeZone={restaurant.timeZone} />
            </div>
          </div>
        </section>
      </div>
    </>
  );
}
