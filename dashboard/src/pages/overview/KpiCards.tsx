import { useTranslation } from 'react-i18next';
import type { RestaurantOverview } from '../../../../api/src/contract/index.ts';
import { formatInteger, formatMoney } from '../../format.ts';

export function KpiCards({ today, currency }: { today: RestaurantOverview['today']; currency: string }) {
  const { t } = useTranslation();
  const kpis = [
    { id: 'orders', value: formatInteger(today.orders) },
    { id: 'revenue', value: formatMoney(today.revenueCents, currency) },
    { id: 'reservations', value: formatInteger(today.reservations) },
    { id: 'covers', value: formatInteger(today.covers) },
    { id: 'calls', value: formatInteger(today.calls) },
  ] as const;

  return (
    <div className="row row-cols-2 row-cols-md-3 row-cols-xl-5 g-3 mb-4">
      {kpis.map((k) => (
        <div className="col" key={k.id}>
          <div className="card h-100 shadow-sm">
            <div className="card-body">
              <div className="text-body-secondary small">{t(`overview.kpi.${k.id}`)}</div>
              <div className="fs-4 fw-semibold text-nowrap" data-testid={`kpi-${k.id}`}>
                {k.value}
              </div>
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
