import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ordersApi } from '../../api/resources.ts';
import { formatMoney, formatTime } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useLiveEvent } from '../../live/LiveProvider.tsx';
import { ORDER_STATUS_COLOR } from '../overview/status.ts';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { itemPath, restaurantPath } from '../../router.ts';
import { useLoad } from '../shared/useLoad.ts';
import { KitchenTicket } from './KitchenTicket.tsx';
import { OrderLines } from './OrderLines.tsx';
import { StatusButtons } from './StatusButtons.tsx';

export function OrderDetailPage({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const { data: o, error, reload, setData } = useLoad(() => ordersApi.get(rid, orderId), [rid, orderId]);
  const [moveError, setMoveError] = useState<unknown>(null);
  useLiveEvent(['order.status_changed', 'order.updated'], (ev) => {
    if ((ev.payload as { orderId?: string }).orderId === orderId) reload();
  });

  if (!o) return error ? <ErrorAlert error={error} /> : <Spinner />;
  const money = (c: number) => formatMoney(c, settings.currency);
  const d = o.delivery;
  return (
    <>
      <div className="d-print-none">
        <a href={`#${restaurantPath(rid, 'orders')}`} className="small">← {t('nav.orders')}</a>
        <header className="d-flex flex-wrap align-items-center gap-2 my-2">
          <h1 className="h3 mb-0 me-2">{t('orders.title', { number: o.number })}</h1>
          <span className={`badge text-bg-${ORDER_STATUS_COLOR[o.status]}`} data-testid="order-status">{t(`orderStatus.${o.status}`)}</span>
          <span className="text-body-secondary">{t(`orderType.${o.type}`)} · {t(`source.${o.source}`, { defaultValue: o.source })}</span>
          <button type="button" className="btn btn-outline-secondary ms-auto" onClick={() => window.print()} data-testid="print-ticket">
            {t('orders.printTicket')}
          </button>
        </header>
        {moveError !== null && <ErrorAlert error={moveError} />}
        <div className="mb-3">
          <StatusButtons restaurantId={rid} order={o} onChanged={(x) => { setMoveError(null); setData(x); }} onError={setMoveError} />
        </div>
        <div className="row g-3">
          <section className="col-lg-7">
            <div className="card shadow-sm">
              <div className="card-body">
                <h2 className="h5">{t('orders.lines')}</h2>
                <OrderLines order={o} currency={settings.currency} />
                <dl className="row small mt-3 mb-0">
                  <dt className="col-6">{t('orders.subtotal')}</dt><dd className="col-6 text-end">{money(o.subtotalCents)}</dd>
                  {o.discountCents > 0 && (<><dt className="col-6">{t('orders.discount')}</dt><dd className="col-6 text-end">−{money(o.discountCents)}</dd></>)}
                  {o.type === 'delivery' && (<><dt className="col-6">{t('orders.deliveryFee')}</dt><dd className="col-6 text-end">{money(o.deliveryFeeCents)}</dd></>)}
                  <dt className="col-6 fs-6">{t('orders.total')}</dt><dd className="col-6 text-end fs-6 fw-semibold">{money(o.totalCents)}</dd>
                </dl>
                {o.allergyNotes && <div className="alert alert-danger mt-3 mb-0">{t('orders.allergies')} : {o.allergyNotes}</div>}
                {o.notes && <p className="mt-3 mb-0">{o.notes}</p>}
              </div>
            </div>
          </section>
          <section className="col-lg-5">
            <div className="card shadow-sm">
              <div className="card-body">
                <h2 className="h5">{t('orders.customer')}</h2>
                <p className="mb-2">
                  {o.customerName ?? t('anonymous')}
                  {o.customerPhone && <><br /><a href={`tel:${o.customerPhone}`}>{o.customerPhone}</a></>}
                </p>
                <p className="small mb-2">
                  {t('orders.createdAt', { time: formatTime(o.createdAt, settings.timeZone) })}
                  {o.promisedAt && <><br />{t('orders.promisedFor', { time: formatTime(o.promisedAt, settings.timeZone) })}</>}
                  {o.tableLabel && <><br />{t('orders.table', { table: o.tableLabel })}</>}
                </p>
                {d && (
                  <div className="mb-2" data-testid="order-address">
                    <h3 className="h6 mb-1">{t('orders.address')}</h3>
                    <div>{d.line1}{d.line2 && `, ${d.line2}`}</div>
                    <div>{d.postcode} {d.city}</div>
                    {d.instructions && <div className="small fst-italic">{d.instructions}</div>}
                    <div className="small text-body-secondary">
                      {d.distanceM !== null && t('orders.distance', { km: (d.distanceM / 1000).toFixed(1) })}
                      {d.durationS !== null && ` · ${t('orders.duration', { min: Math.round(d.durationS / 60) })}`}
                      {` · ${t('orders.fee', { fee: money(o.deliveryFeeCents) })}`}
                    </div>
                  </div>
                )}
                {o.callId && (
                  <a href={`#${itemPath(rid, 'calls', o.callId)}`} data-testid="order-call-link">{t('orders.seeCall')}</a>
                )}
              </div>
            </div>
          </section>
        </div>
      </div>
      <KitchenTicket order={o} timeZone={settings.timeZone} restaurantName={settings.name} />
    </>
  );
}
