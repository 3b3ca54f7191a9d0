import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../api/src/contract/index.ts';
import { formatMoney, formatTime } from '../../format.ts';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { itemPath } from '../../router.ts';
import { StatusButtons } from './StatusButtons.tsx';

export function OrderCard(props: { order: OrderDetail; onChanged: (o: OrderDetail) => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const { id: restaurantId, settings } = useRestaurant();
  const o = props.order;
  const lines = o.items.map((l) => `${l.quantity} × ${l.name}`).join(', ');
  return (
    <article className="card shadow-sm order-card" data-testid="order-card" data-order-number={o.number} data-order-id={o.id} data-status={o.status}>
      <div className="card-body p-2">
        <div className="d-flex justify-content-between align-items-baseline">
          <a className="fw-semibold" href={`#${itemPath(restaurantId, 'orders', o.id)}`}>
            N° {o.number}
          </a>
          <span className="small text-nowrap">{formatMoney(o.totalCents, settings.currency)}</span>
        </div>
        <div className="small text-body-secondary">
          {t(`orderType.${o.type}`)}
          {o.promisedAt && ` · ${formatTime(o.promisedAt, settings.timeZone)}`}
          {o.customerName && ` · ${o.customerName}`}
        </div>
        <div className="small text-truncate mb-2" title={lines}>{lines}</div>
        {o.allergyNotes && <div className="small text-danger mb-2">⚠ {o.allergyNotes}</div>}
        <StatusButtons restaurantId={restaurantId} order={o} onChanged={props.onChanged} onError={props.onError} size="sm" />
      </div>
    </article>
  );
}
