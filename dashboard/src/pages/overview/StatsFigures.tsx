import { useTranslation } from 'react-i18next';
import type { StatsFigures as Figures } from '../../../../api/src/contract/index.ts';
import { formatInteger, formatMoney } from '../../format.ts';

/** Today's six figures; `data-value` holds the raw number (cents for money) the API sent. */
export function StatsFigures({ totals, currency, commissionBp }: { totals: Figures; currency: string; commissionBp: number }) {
  const { t } = useTranslation();
  const money = (c: number) => formatMoney(c, currency);
  const figures = [
    { id: 'callsAnswered', value: totals.callsAnswered, text: formatInteger(totals.callsAnswered) },
    { id: 'missedCallsSaved', value: totals.missedCallsSaved, text: formatInteger(totals.missedCallsSaved) },
    { id: 'orders', value: totals.orders, text: formatInteger(totals.orders) },
    { id: 'revenue', value: totals.revenueCents, text: money(totals.revenueCents) },
    { id: 'averageBasket', value: totals.averageBasketCents, text: money(totals.averageBasketCents) },
    { id: 'commissionSaved', value: totals.commissionSavedCents, text: money(totals.commissionSavedCents) },
  ] as const;
  return (
    <div className="row row-cols-2 row-cols-md-3 row-cols-xl-6 g-2 mb-3">
      {figures.map((f) => (
        <div className="col" key={f.id}>
          <div className="card h-100 shadow-sm">
            <div className="card-body py-2 px-3">
              <div className="text-body-secondary small lh-sm">{t(`overview.figures.${f.id}`)}</div>
              <div className="fs-5 fw-semibold text-nowrap" data-testid={`stat-${f.id}`} data-value={f.value}>{f.text}</div>
              {f.id === 'commissionSaved' && (
                <div className="small text-body-secondary">{t('overview.figures.atRate', { rate: formatInteger(commissionBp / 100) })}</div>
              )}
              {f.id === 'missedCallsSaved' && <div className="small text-body-secondary">{t('overview.figures.byAgent')}</div>}
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
