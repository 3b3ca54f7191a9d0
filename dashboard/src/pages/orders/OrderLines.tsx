import type { OrderDetail } from '../../../../api/src/contract/index.ts';
import { formatMoney } from '../../format.ts';

/** Each line with its options and formula choices, as the kitchen and the customer read it. */
export function OrderLines({ order, currency }: { order: OrderDetail; currency: string }) {
  return (
    <table className="table table-sm align-middle mb-0" data-testid="order-lines">
      <tbody>
        {order.items.map((l) => (
          <tr key={l.id}>
            <td className="text-nowrap fw-semibold" style={{ width: '3rem' }}>{l.quantity} ×</td>
            <td>
              <div>{l.name}</div>
              {l.options.map((op, i) => (
                <div key={i} className="small text-body-secondary">
                  {op.group} : {op.name}
                  {op.priceDeltaCents !== 0 && ` (${formatMoney(op.priceDeltaCents, currency)})`}
                </div>
              ))}
              {l.formulaChoices.map((c, i) => (
                <div key={i} className="small text-body-secondary">
                  {c.step} : {c.name}
                  {c.supplementCents > 0 && ` (+${formatMoney(c.supplementCents, currency)})`}
                </div>
              ))}
              {l.notes && <div className="small fst-italic">{l.notes}</div>}
            </td>
            <td className="text-end text-nowrap">{formatMoney(l.lineTotalCents, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
