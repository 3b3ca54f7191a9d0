import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useErrorMessage } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { BOARD_COLUMNS } from './columns.ts';
import { OrderCard } from './OrderCard.tsx';
import { useOrderBoard } from './useOrderBoard.ts';

/** The kitchen's live board: one column per status, oldest promise first. */
export function OrdersPage() {
  const { t } = useTranslation();
  const { id } = useRestaurant();
  const { orders, error, put } = useOrderBoard(id);
  const [moveError, setMoveError] = useState<unknown>(null);
  const message = useErrorMessage();

  if (!orders) return error ? <ErrorAlert error={error} /> : <Spinner />;
  const all = [...orders.values()];
  const byPromise = (a: { promisedAt: string | null; createdAt: string }, b: typeof a) =>
    (a.promisedAt ?? a.createdAt).localeCompare(b.promisedAt ?? b.createdAt);

  return (
    <>
      <PageHeader title={t('nav.orders')} />
      {error !== null && <ErrorAlert error={error} />}
      {moveError !== null && (
        <div className="alert alert-danger alert-dismissible" role="alert" data-testid="move-error">
          {message(moveError)}
          <button type="button" className="btn-close" aria-label={t('app.close')} onClick={() => setMoveError(null)} />
        </div>
      )}
      <div className="order-board" data-testid="order-board">
        {BOARD_COLUMNS.map((status) => {
          const list = all.filter((o) => o.status === status);
          list.sort(status === 'completed' ? (a, b) => byPromise(b, a) : byPromise);
          return (
            <section key={status} className="order-column" data-testid={`column-${status}`}>
              <h2 className="h6 d-flex justify-content-between mb-2">
                {t(`orderStatus.${status}`)}
                <span className="badge text-bg-secondary">{list.length}</span>
              </h2>
              <div className="d-flex flex-column gap-2">
                {list.map((o) => (
                  <OrderCard key={o.id} order={o} onChanged={(x) => { setMoveError(null); put(x); }} onError={setMoveError} />
                ))}
              </div>
            </section>
          );
        })}
      </div>
    </>
  );
}
