import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestaurantOverview } from '../../../api/src/contract/index.ts';
import { api } from '../api/client.ts';
import { formatLongDate } from '../format.ts';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';
import { Spinner } from '../layout/Spinner.tsx';
import { KpiCards } from './overview/KpiCards.tsx';
import { OrdersTable } from './overview/OrdersTable.tsx';
import { ReservationsTable } from './overview/ReservationsTable.tsx';

// Orders arrive by phone while the screen sits open at the counter; a minute is fresh enough until live push exists.
const REFRESH_MS = 60_000;

export function OverviewPage({ restaurantId }: { restaurantId: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<RestaurantOverview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const load = () => {
      api.overview(restaurantId).then(
        (d) => {
          if (cancelled) return;
          setData(d);
          setError(null);
        },
        (e: unknown) => {
          if (!cancelled) setError(e);
        },
      );
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [restaurantId, attempt]);

  // A failed background refresh keeps the last figures on screen, under the error.
  const errorBlock = error !== null && (
    <div className="d-flex flex-wrap gap-2 align-items-start">
      <div className="flex-grow-1"><ErrorAlert error={error} /></div>
      <button type="button" className="btn btn-outline-primary" onClick={() => setAttempt((n) => n + 1)}>
        {t('app.retry')}
      </button>
    </div>
  );
  if (!data) return errorBlock || <Spinner />;

  const { restaurant, today } = data;
  const { address } = restaurant;
  return (
    <>
      <header className="mb-4">
        <h1 className="h3 mb-1" data-testid="restaurant-name">{restaurant.name}</h1>
        <address className="text-body-secondary mb-1" data-testid="restaurant-address">
          {[address.line1, address.line2, `${address.postcode} ${address.city}`].filter(Boolean).join(', ')}
        </address>
        <div className="fw-semibold">{t('overview.today', { date: formatLongDate(today.date) })}</div>
      </header>
      {errorBlock}
      <KpiCards today={today} currency={restaurant.currency} />
      <div className="row g-4">
        <section className="col-xxl-7">
          <div className="card shadow-sm h-100">
            <div className="card-body">
              <h2 className="h5 card-title mb-3">{t('overview.orders.title')}</h2>
              <OrdersTable orders={data.orders} timeZone={restaurant.timeZone} currency={restaurant.currency} />
            </div>
          </div>
        </section>
        <section className="col-xxl-5">
          <div className="card shadow-sm h-100">
            <div className="card-body">
              <h2 className="h5 card-title mb-3">{t('overview.reservations.title')}</h2>
              <ReservationsTable reservations={data.reservations} timeZone={restaurant.timeZone} />
            </div>
          </div>
        </section>
      </div>
    </>
  );
}
