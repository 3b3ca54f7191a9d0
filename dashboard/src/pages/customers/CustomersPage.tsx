import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../../api/resources.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';

export function CustomersPage() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const [q, setQ] = useState('');
  const { data, error } = useLoad(() => customersApi.list(rid, { q, pageSize: 100 }), [rid, q]);
  return (
    <>
      <PageHeader title={t('nav.customers')}>
        <input type="search" className="form-control w-auto" placeholder={t('customers.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      </PageHeader>
      {error !== null && <ErrorAlert error={error} />}
      {!data ? (error === null && <Spinner />) : (
        <div className="card shadow-sm">
          <div className="table-responsive">
            <table className="table table-hover align-middle mb-0" data-testid="customers-table">
              <thead><tr><th>{t('customers.name')}</th><th>{t('customers.phone')}</th><th className="text-end">{t('customers.orders')}</th><th className="text-end">{t('customers.reservations')}</th><th className="text-end">{t('customers.spent')}</th><th>{t('customers.lastOrder')}</th></tr></thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {[c.firstName, c.lastName].filter(Boolean).join(' ') || t('anonymous')}
                      {c.blocked && <span className="badge text-bg-danger ms-1">{t('customers.blocked')}</span>}
                      {c.allergies.length > 0 && <div className="small text-danger">{c.allergies.map((a) => t(`allergen.${a}`)).join(', ')}</div>}
                    </td>
                    <td className="text-nowrap">{c.phone}</td>
                    <td className="text-end">{c.orderCount}</td>
                    <td className="text-end">{c.reservationCount}{c.noShowCount > 0 && <span className="text-danger small"> ({c.noShowCount} NS)</span>}</td>
                    <td className="text-end text-nowrap">{formatMoney(c.totalSpentCents, settings.currency)}</td>
                    <td className="text-nowrap small">{c.lastOrderAt ? formatDateTime(c.lastOrderAt, settings.timeZone) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </>
  );
}
