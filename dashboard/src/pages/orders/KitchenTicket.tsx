import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../api/src/contract/index.ts';
import { formatTime } from '../../format.ts';

/** The 80 mm ticket: hidden on screen, the only thing printed (see styles.css, @media print). */
export function KitchenTicket({ order, timeZone, restaurantName }: { order: OrderDetail; timeZone: string; restaurantName: string }) {
  const { t } = useTranslation();
  return (
    <div className="kitchen-ticket" data-testid="kitchen-ticket">
      <div className="kt-center kt-strong">{restaurantName}</div>
      <div className="kt-center kt-big">N° {order.number}</div>
      <div className="kt-center">
        {t(`orderType.${order.type}`)}
        {order.promisedAt && ` · ${t('orders.promisedFor', { time: formatTime(order.promisedAt, timeZone) })}`}
      </div>
      <hr />
      {order.items.map((l) => (
        <div key={l.id} className="kt-line">
          <div className="kt-strong">{l.quantity} × {l.name}</div>
          {[...l.options.map((o) => o.name), ...l.formulaChoices.map((c) => `${c.step}: ${c.name}`)].map((x, i) => (
            <div key={i}>  + {x}</div>
          ))}
          {l.notes && <div>  ! {l.notes}</div>}
        </div>
      ))}
      {order.allergyNotes && (<><hr /><div className="kt-strong">{t('orders.allergies')} : {order.allergyNotes}</div></>)}
      {order.notes && <div>{order.notes}</div>}
      <hr />
      <div>{order.customerName ?? t('anonymous')} {order.customerPhone ?? ''}</div>
      {order.delivery && <div>{order.delivery.line1}, {order.delivery.postcode} {order.delivery.city}</div>}
      <div className="kt-center">{formatTime(order.createdAt, timeZone)}</div>
    </div>
  );
}
