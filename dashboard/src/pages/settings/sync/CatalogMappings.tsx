import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformCatalogView, SyncPlatformName } from '../../../../../api/src/contract/index.ts';
import { syncApi, type MappingView } from '../../../api/sync.ts';
import { ErrorAlert } from '../../../layout/ErrorAlert.tsx';
import { Spinner } from '../../../layout/Spinner.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import type { Ours } from './MappingsCard.tsx';
import { PLATFORM_LABEL } from './platforms.ts';

const KINDS = [
  { kind: 'service', list: 'services' },
  { kind: 'room', list: 'rooms' },
  { kind: 'offer', list: 'offers' },
] as const satisfies ReadonlyArray<{ kind: keyof Ours; list: keyof Omit<PlatformCatalogView, 'platform'> }>;

/**
 * Next to each of our services, rooms and offers, a choice among the platform's
 * own (read live from it): picking one saves the mapping at once.
 */
export function CatalogMappings(props: { restaurantId: string; platform: SyncPlatformName; ours: Ours; mappings: MappingView[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const { restaurantId, platform } = props;
  const catalog = useLoad(() => syncApi.catalog(restaurantId, platform), [restaurantId, platform]);
  const [saving, setSaving] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const name = PLATFORM_LABEL[platform];

  const save = async (entityType: (typeof KINDS)[number]['kind'], localId: string, externalId: string) => {
    setSaving(`${entityType}:${localId}`);
    setSaveError(null);
    try {
      await syncApi.map(restaurantId, { platform, entityType, localId, externalId });
      props.onSaved();
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(null);
    }
  };

  if (catalog.error !== null) {
    return (
      <div data-testid="catalog-error">
        <ErrorAlert error={catalog.error} />
        <button type="button" className="btn btn-sm btn-outline-secondary mb-3" onClick={catalog.reload}>{t('sync.retry')}</button>
      </div>
    );
  }
  if (!catalog.data) return <Spinner />;
  const theirs = catalog.data;
  return (
    <div data-testid="catalog-mappings" data-platform={platform}>
      <p className="small text-body-secondary">{t('sync.pickFromPlatform', { platform: name })}</p>
      {saveError !== null && <ErrorAlert error={saveError} />}
      {KINDS.map(({ kind, list }) => (
        <section key={kind} className="mb-3">
          <h3 className="h6">{t(`sync.entity.${kind}`)}</h3>
          {theirs[list].length === 0 ? (
            <p className="small text-body-secondary mb-0">{t('sync.platformListsNone', { platform: name })}</p>
          ) : props.ours[kind].length === 0 ? (
            <p className="small text-body-secondary mb-0">{t('sync.noneOfOurs')}</p>
          ) : props.ours[kind].map((o) => {
            const current = props.mappings.find((m) => m.entityType === kind && m.localId === o.id)?.externalId ?? '';
            const stale = current !== '' && !theirs[list].some((e) => e.externalId === current);
            const id = `map-${kind}-${o.id}`;
            return (
              <div key={o.id} className="row g-2 align-items-center mb-1" data-testid="catalog-row" data-kind={kind} data-local-id={o.id}>
                <label className="col-5 col-form-label col-form-label-sm text-truncate" htmlFor={id}>{o.name}</label>
                <div className="col-7 d-flex align-items-center gap-2">
                  <select id={id} className="form-select form-select-sm" value={current} disabled={saving !== null}
                    onChange={(e) => void save(kind, o.id, e.target.value)}>
                    <option value="" disabled={current !== ''}>{t('sync.notMapped')}</option>
                    {stale && <option value={current}>{t('sync.missingOnPlatform', { id: current })}</option>}
                    {theirs[list].map((e) => <option key={e.externalId} value={e.externalId}>{e.name}</option>)}
                  </select>
                  {saving === `${kind}:${o.id}` && <span className="spinner-border spinner-border-sm" role="status" aria-label={t('sync.saving')} />}
                </div>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
