import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { syncApi } from '../../../api/sync.ts';
import { useRestaurant } from '../../../restaurant/RestaurantContext.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { MappingsCard } from './MappingsCard.tsx';
import { OutboxCard } from './OutboxCard.tsx';
import { PlatformsCard } from './PlatformsCard.tsx';

const Card = ({ title, children }: { title: string; children: ReactNode }) => (
  <div className="card shadow-sm"><div className="card-body"><h2 className="h5">{title}</h2>{children}</div></div>
);

/** Settings → Synchronisation: the booking platforms, how our entities map to theirs, and what was pushed. */
export function SyncSettings() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const platforms = useLoad(() => syncApi.platforms(rid), [rid]);
  return (
    <div className="row g-3" data-testid="sync-settings">
      <section className="col-xl-6 d-flex flex-column gap-3">
        <Card title={t('sync.platforms')}>
          <PlatformsCard restaurantId={rid} timeZone={settings.timeZone} platforms={platforms.data} error={platforms.error} onChanged={platforms.reload} />
        </Card>
        <Card title={t('sync.mappings')}>
          <MappingsCard restaurantId={rid} platforms={platforms.data?.map((p) => p.platform) ?? []} />
        </Card>
      </section>
      <section className="col-xl-6">
        <Card title={t('sync.outbox')}>
          <OutboxCard restaurantId={rid} timeZone={settings.timeZone} onRetried={platforms.reload} />
        </Card>
      </section>
    </div>
  );
}
