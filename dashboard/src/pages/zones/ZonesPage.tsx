import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryZoneDto } from '../../../../api/src/contract/index.ts';
import { zonesApi } from '../../api/catalog.ts';
import { formatInteger, formatMoney } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { RowActions } from '../shared/RowActions.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { ZoneForm } from './ZoneForm.tsx';

/** Where the restaurant delivers, at what fee; overlapping zones go to the lowest priority number. */
export function ZonesPage() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const [editing, setEditing] = useState<DeliveryZoneDto | 'new' | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { data, error, reload } = useLoad(() => zonesApi.list(rid), [rid]);
  if (!data) return error ? <ErrorAlert error={error} /> : <Spinner />;
  const money = (c: number) => formatMoney(c, settings.currency);
  const remove = (z: DeliveryZoneDto) => zonesApi.remove(rid, z.id).then(reload, setActionError);
  const area = (z: DeliveryZoneDto) =>
    z.kind === 'radius' ? t('zones.withinKm', { km: formatInteger((z.radiusM ?? 0) / 1000) })
      : z.kind === 'postcodes' ? z.postcodes.join(', ')
        : t('zones.polygonPoints', { count: z.polygon?.coordinates[0]?.length ?? 0 });
  const zones = [...data.items].sort((a, b) => a.priority - b.priority);

  return (
    <>
      <PageHeader title={t('nav.deliveryZones')}>
        {editing === null && <button type="button" className="btn btn-primary" data-testid="new-zone" onClick={() => setEditing('new')}>{t('zones.new')}</button>}
      </PageHeader>
      {!settings.acceptsDelivery && <div className="alert alert-warning">{t('zones.deliveryOff')}</div>}
      {actionError !== null && <ErrorAlert error={actionError} />}
      {editing !== null && (
        <ZoneForm key={editing === 'new' ? 'new' : editing.id} restaurantId={rid} zone={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />
      )}
      {zones.length === 0 ? <p className="text-body-secondary">{t('zones.empty')}</p> : (
        <div className="card shadow-sm">
          <div className="table-responsive">
            <table className="table align-middle mb-0" data-testid="zones-table">
              <thead>
                <tr>
                  <th>{t('crud.name')}</th><th>{t('zones.area')}</th><th className="text-end">{t('zones.fee')}</th>
                  <th className="text-end">{t('zones.minOrder')}</th><th className="text-end">{t('zones.freeAbove')}</th>
                  <th className="text-end">{t('zones.eta')}</th><th className="text-end">{t('zones.priority')}</th><th />
                </tr>
              </thead>
              <tbody>
                {zones.map((z) => (
                  <tr key={z.id} className={z.active ? '' : 'text-body-secondary'} data-testid="zone-row">
                    <td className="fw-semibold">{z.name}{!z.active && <span className="badge text-bg-secondary ms-2">{t('crud.inactive')}</span>}</td>
                    <td className="small"><span className="badge text-bg-light border me-1">{t(`zones.kind.${z.kind}`)}</span>{area(z)}</td>
                    <td className="text-end text-nowrap">{money(z.feeCents)}</td>
                    <td className="text-end text-nowrap">{money(z.minOrderCents)}</td>
                    <td className="text-end text-nowrap">{z.freeAboveCents === null ? '—' : money(z.freeAboveCents)}</td>
                    <td className="text-end text-nowrap">{z.etaMinutes} min</td>
                    <td className="text-end">{z.priority}</td>
                    <td className="text-end"><RowActions name={z.name} onEdit={() => setEditing(z)} onDelete={() => void remove(z)} /></td>
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
