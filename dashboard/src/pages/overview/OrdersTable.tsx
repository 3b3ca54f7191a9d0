import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../../api/src/contract/index.ts';
import { formatMoney, formatTime } from '../../format.ts';
import { ORDER_STATUS_COLOR } from './status.ts';

export function OrdersTable(props: { orders: OrderSummary[]; timeZone: string; currency: string }) {
  const { t } = useTranslation();
  if (props.orders.length === 0) return <p className="text-body-secondary mb-0">{t('overview.orders.empty')}</p>;

  return (
    <div className="table-responsive">
      <table className="table table-sm table-hover align-middle mb-0" data-testid="orders-table">
        <thead>
          <tr>
            <th scope="col">{t('overview.orders.number')}</th>
            <th scope="col">{t('overview.orders.time')}</th>
            <th scope="col">{t('overview.orders.type')}</th>
            <th scope="col">{t('overview.orders.status')}</th>
            <th scope="col">{t('overview.orders.customer')}</th>
            <th scope="col" className="text-end">{t('overview.orders.total')}</th>
          </tr>
        </thead>
        <tbody>
          {props.orders.map((o) => (
            <tr key={o.id}>
              <td className="fw-semibold">{o.number}</td>
              <td className="text-nowrap">
                {formatTime(o.createdAt, props.timeZone)}
                {o.promisedAt && (
                  <div className="small text-body-secondary">
                    {t('overview.orders.promisedAt', { time: formatTime(o.promisedAt, props.timeZone) })}
                  </div>
                )}
              </td>
              <td>{t(`orderType.${o.type}`)}</td>
              <td>
                <span className={`badge text-bg-${ORDER_STATUS_COLOR[o.status]}`}>{t(`orderStatus.${o.status}`)}</span>
              </td>
              <td>{o.customerName ?? t('anonymous')}</td>
              <td className="text-end text-nowrap">{formatMoney(o.totalCents, props.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
