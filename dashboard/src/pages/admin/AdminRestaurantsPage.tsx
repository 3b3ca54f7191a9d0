import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminRestaurantCreated } from '../../../../api/src/contract/index.ts';
import { adminApi } from '../../api/resources.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { NewRestaurantForm } from './NewRestaurantForm.tsx';

/** The platform admin's list of restaurants, with today's activity, a suspend switch and the creation form. */
export function AdminRestaurantsPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(() => adminApi.restaurants(), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<AdminRestaurantCreated | null>(null);
  if (!data) return error ? <ErrorAlert error={error} /> : <Spinner />;
  return (
    <>
      <PageHeader title={t('admin.restaurants')}>
        {!creating && (
          <button type="button" className="btn btn-primary" data-testid="new-restaurant" onClick={() => { setCreated(null); setCreating(true); }}>
            {t('admin.create.open')}
          </button>
        )}
      </PageHeader>
      {error !== null && <ErrorAlert error={error} />}
      {created && <CreatedNotice created={created} onClose={() => setCreated(null)} />}
      {creating && (
        <NewRestaurantForm onCancel={() => setCreating(false)} onCreated={(r) => { setCreating(false); setCreated(r); reload(); }} />
      )}
      <div className="card shadow-sm"><div className="table-responsive">
        <table className="table align-middle mb-0" data-testid="admin-restaurants">
          <thead><tr><th>{t('admin.name')}</th><th>{t('admin.city')}</th><th className="text-end">{t('admin.todayOrders')}</th><th className="text-end">{t('admin.todayCalls')}</th><th className="text-end">{t('admin.lines')}</th><th /></tr></thead>
          <tbody>
            {data.items.map((r) => (
              <tr key={r.id} data-slug={r.slug}>
                <td>{r.name} <span className="small text-body-secondary">{r.slug}</span>{r.suspendedAt && <span className="badge text-bg-danger ms-1">{t('admin.suspended')}</span>}</td>
                <td>{r.city}</td>
                <td className="text-end">{r.todayOrders}</td>
                <td className="text-end">{r.todayCalls}</td>
                <td className="text-end">{r.activePhoneLines}</td>
                <td className="text-end text-nowrap">
                  <a className="btn btn-sm btn-outline-secondary me-2" href={`#/admin/import?restaurant=${encodeURIComponent(r.id)}`}>{t('admin.nav.import')}</a>
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

/** The owner's one-time password is shown here once: the API keeps only its hash. */
function CreatedNotice({ created, onClose }: { created: AdminRestaurantCreated; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-success d-flex gap-3 align-items-start" role="status" data-testid="restaurant-created">
      <div className="me-auto">
        <div className="fw-semibold">{t('admin.create.done', { name: created.restaurant.name })}</div>
        {created.owner.oneTimePassword ? (
          <div>
            {t('admin.create.oneTimePassword', { email: created.owner.email })}{' '}
            <code className="fs-6 user-select-all" data-testid="one-time-password">{created.owner.oneTimePassword}</code>
            <div className="small">{t('admin.create.oneTimePasswordHelp')}</div>
          </div>
        ) : (
          <div>{t('admin.create.existingOwner', { email: created.owner.email })}</div>
        )}
        <a className="alert-link" href={`#/admin/import?restaurant=${encodeURIComponent(created.restaurant.id)}`}>{t('admin.create.importNext')}</a>
      </div>
      <button type="button" className="btn-close" aria-label={t('app.close')} onClick={onClose} />
    </div>
  );
}
