import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPlatformName } from '../../../../../api/src/contract/index.ts';
import { offersApi, roomsApi, servicesApi } from '../../../api/catalog.ts';
import { syncApi } from '../../../api/sync.ts';
import { ErrorAlert } from '../../../layout/ErrorAlert.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { CatalogMappings } from './CatalogMappings.tsx';
import { TableMappings } from './TableMappings.tsx';
import { PLATFORM_LABEL } from './platforms.ts';

export type Ours = Record<'service' | 'room' | 'table' | 'offer', { id: string; name: string }[]>;

async function loadOurs(rid: string): Promise<Ours> {
  const [services, rooms, offers] = await Promise.all([servicesApi.list(rid), roomsApi.list(rid), offersApi.list(rid)]);
  return {
    service: services.items.map((s) => ({ id: s.id, name: s.name })),
    room: rooms.items.map((r) => ({ id: r.id, name: r.name })),
    table: rooms.items.flatMap((r) => r.tables.map((x) => ({ id: x.id, name: `${r.name} · ${x.name}` }))),
    offer: offers.items.map((o) => ({ id: o.id, name: o.name })),
  };
}

/** Our services, rooms, offers and tables matched to the platform's, so bookings land in the right place both ways. */
export function MappingsCard({ restaurantId, platforms }: { restaurantId: string; platforms: SyncPlatformName[] }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<SyncPlatformName | null>(null);
  const platform = chosen !== null && platforms.includes(chosen) ? chosen : platforms[0];
  const mappings = useLoad(() => syncApi.mappings(restaurantId), [restaurantId]);
  const ours = useLoad(() => loadOurs(restaurantId), [restaurantId]);
  const error = mappings.error ?? ours.error;

  if (!platform) return <p className="text-body-secondary small mb-0">{t('sync.mappingNeedsPlatform')}</p>;
  const mine = (mappings.data ?? []).filter((m) => m.platform === platform);
  return (
    <div data-testid="sync-mappings">
      {platforms.length > 1 && (
        <div className="btn-group btn-group-sm mb-2" role="group" aria-label={t('sync.platform')}>
          {platforms.map((p) => (
            <button key={p} type="button" className={`btn btn-outline-primary${p === platform ? ' active' : ''}`} aria-pressed={p === platform}
              data-testid={`mapping-platform-${p}`} onClick={() => setChosen(p)}>{PLATFORM_LABEL[p]}</button>
          ))}
        </div>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {ours.data && mappings.data && (
        <>
          <CatalogMappings key={platform} restaurantId={restaurantId} platform={platform} ours={ours.data} mappings={mine} onSaved={mappings.reload} />
          <TableMappings restaurantId={restaurantId} platform={platform} tables={ours.data.table} mappings={mine.filter((m) => m.entityType === 'table')} onSaved={mappings.reload} />
        </>
      )}
    </div>
  );
}
