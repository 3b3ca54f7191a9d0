import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../api/src/contract/index.ts';
import { localParts, minutesToHhmm } from '../../format.ts';

interface Slot { start: number; orders: OrderDetail[]; items: number }

/** Pickup and delivery orders per 15-minute slot of their promised time, against the kitchen's capacity. */
export function KitchenQueue(props: { orders: OrderDetail[]; timeZone: string; maxOrders: number | null; maxItems: number | null }) {
  const { t } = useTranslation();
  const slots = new Map<number, Slot>();
  for (const o of props.orders) {
    if (!o.promisedAt) continue;
    const start = Math.floor(localParts(o.promisedAt, props.timeZone).minutes / 15) * 15;
    const s = slots.get(start) ?? { start, orders: [], items: 0 };
    s.orders.push(o);
    s.items += o.items.reduce((n, l) => n + l.quantity, 0);
    slots.set(start, s);
  }
  const list = [...slots.values()].sort((a, b) => a.start - b.start);
  if (list.length === 0) return <p className="text-body-secondary mb-0">{t('planning.noKitchen')}</p>;
  const cap = (n: number, max: number | null) => (max === null ? String(n) : `${n} / ${max}`);
  const over = (s: Slot) => (props.maxOrders !== null && s.orders.length >= props.maxOrders) || (props.maxItems !== null && s.items >= props.maxItems);
  return (
    <table className="table table-sm align-middle mb-0" data-testid="kitchen-queue">
      <thead><tr><th>{t('planning.slot')}</th><th className="text-end">{t('planning.orders')}</th><th className="text-end">{t('planning.items')}</th><th>{t('planning.numbers')}</th></tr></thead>
      <tbody>
        {list.map((s) => (
          <tr key={s.start} className={over(s) ? 'table-warning' : ''} data-testid="kitchen-slot">
            <td className="text-nowrap">{minutesToHhmm(s.start)}–{minutesToHhmm(s.start + 15)}</td>
            <td className="text-end">{cap(s.orders.length, props.maxOrders)}</td>
            <td className="text-end">{cap(s.items, props.maxItems)}</td>
            <td className="small">{s.orders.map((o) => `N° ${o.number}${o.type === 'delivery' ? ' 🛵' : ''}`).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
