import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/resources.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';

/** The platform admin's list of restaurants, with today's activity and a suspend switch. */
export function AdminRestaurantsPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(() => adminApi.restaurants(), []);
  if (!data) return error ? <ErrorAlert error={error} /> : <Spinner />;
  return (
    <>
      <PageHeader title={t('admin.restaurants')} />
      {error !== null && <ErrorAlert error={error} />}
      <div className="card shadow-sm"><div className="table-responsive">
        <table className="table align-middle mb-0" data-testid="admin-restaurants">
          <thead><tr><th>{t('admin.name')}</th><th>{t('admin.city')}</th><th className="text-end">{t('admin.todayOrders')}</th><th className="text-end">{t('admin.todayCalls')}</th><th className="text-end">{t('admin.lines')}</th><th /></tr></thead>
          <tbody>
            {data.items.map((r) => (
              <tr key={r.id}>
                <td>{r.name} <span className="small text-body-secondary">{r.slug}</span>{r.suspendedAt && <span className="badge text-bg-danger ms-1">{t('admin.suspended')}</span>}</td>
                <td>{r.city}</td>
                <td className="text-end">{r.todayOrders}</td>
                <td className="text-end">{r.todayCalls}</td>
                <td className="text-end">{r.activePhoneLines}</td>
                <td className="text-end">
                  <button type="button" className={`btn btn-sm ${r.suspendedAt ? 'btn-outline-success' : 'btn-outline-danger'}`}
                    onClick={() => void adminApi.setSuspended(r.id, !r.suspendedAt).then(reload, reload)}>
                    {r.suspendedAt ? t('admin.resume') : t('admin.suspend')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div></div>
    </>
  );
}
