import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_BADGES_PER_REQUEST, type ReservationSyncBadge } from '../../../../api/src/contract/index.ts';
import { syncApi } from '../../api/sync.ts';
import { PLATFORM_LABEL } from '../settings/sync/platforms.ts';

type State = ReservationSyncBadge['platforms'][number]['state'];
const COLOR: Record<State, string> = { synced: 'success', pending: 'secondary', failed: 'danger', conflict: 'warning' };
// A push still under way is looked at again; pushes publish no live event.
const PENDING_RECHECK_MS = 15_000;

export type SyncBadges = { byId: ReadonlyMap<string, ReservationSyncBadge>; failed: boolean } | null;

/**
 * The badges of every reservation on the page in one request, asked again when
 * the list or a sync event changes `version`, and while a push is pending.
 */
export function useSyncBadges(restaurantId: string, reservationIds: readonly string[], enabled: boolean, version: string): SyncBadges {
  const [badges, setBadges] = useState<SyncBadges>(null);
  const key = reservationIds.slice(0, MAX_BADGES_PER_REQUEST).join(',');

  useEffect(() => {
    if (!enabled || key === '') { setBadges(null); return; }
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => syncApi.badges(restaurantId, key.split(',')).then((list) => {
      if (!alive) return;
      setBadges({ byId: new Map(list.map((b) => [b.reservationId, b])), failed: false });
      if (list.some((b) => b.platforms.some((p) => p.state === 'pending'))) timer = setTimeout(() => void load(), PENDING_RECHECK_MS);
    }, () => { if (alive) setBadges((b) => ({ byId: b?.byId ?? new Map(), failed: true })); });
    void load();
    return () => { alive = false; clearTimeout(timer); };
  }, [restaurantId, key, enabled, version]);

  return badges;
}

/** Where a reservation stands on each connected platform. */
export function SyncBadge({ badges, reservationId }: { badges: SyncBadges; reservationId: string }) {
  const { t } = useTranslation();
  const badge = badges?.byId.get(reservationId);

  return (
    <span className="d-inline-flex flex-wrap gap-1" data-testid="sync-badge" data-loaded={badge ? 'true' : 'false'}>
      {!badge && badges?.failed && <span className="text-body-secondary small" title={t('sync.badgeUnavailable')}>?</span>}
      {!badge && !badges?.failed && <span className="placeholder col-6 rounded" style={{ minWidth: '3rem' }} />}
      {badge?.platforms.length === 0 && <span className="text-body-secondary small">{t('sync.notSent')}</span>}
      {badge?.platforms.map((p) => (
        <span key={p.platform} className={`badge text-bg-${COLOR[p.state]}`} data-platform={p.platform} data-state={p.state}
          title={[p.externalId && `${t('sync.externalIdShort')} : ${p.externalId}`, p.lastError].filter(Boolean).join('\n') || undefined}>
          {PLATFORM_LABEL[p.platform]} · {t(`sync.state.${p.state}`)}
        </span>
      ))}
    </span>
  );
}
