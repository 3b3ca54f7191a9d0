import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../api/src/contract/index.ts';
import { formatTime } from '../../format.ts';

/** When each delivery must leave: the promised time minus the driving time the API measured. */
export function DeliveryDepartures({ orders, timeZone }: { orders: OrderDetail[]; timeZone: string }) {
  const { t } = useTranslation();
  const rows = orders
    .filter((o) => o.type === 'delivery' && o.promisedAt)
    .map((o) => ({ o, leave: new Date(Date.parse(o.promisedAt!) - (o.delivery?.durationS ?? 0) * 1000).toISOString() }))
    .sort((a, b) => a.leave.localeCompare(b.leave));
  if (rows.length === 0) return <p className="text-body-secondary mb-0">{t('planning.noDelivery')}</p>;
  return (
    <ul className="list-group list-group-flush" data-testid="delivery-departures">
      {rows.map(({ o, leave }) => (
        <li key={o.id} className="list-group-item px-0 d-flex justify-content-between gap-2">
          <span><strong>{formatTime(leave, timeZone)}</strong> · N° {o.number} · {o.delivery?.line1}, {o.delivery?.city}</span>
          <span className="text-body-secondary text-nowrap">{t('planning.due', { time: formatTime(o.promisedAt!, timeZone) })}</span>
        </li>
      ))}
    </ul>
  );
}
