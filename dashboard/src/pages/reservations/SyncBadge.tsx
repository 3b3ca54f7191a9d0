import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReservationSyncBadge } from '../../../../api/src/contract/index.ts';
import { syncApi } from '../../api/sync.ts';
import { PLATFORM_LABEL } from '../settings/sync/platforms.ts';
import { queued } from './badgeQueue.ts';

type State = ReservationSyncBadge['platforms'][number]['state'];
const COLOR: Record<State, string> = { synced: 'success', pending: 'secondary', failed: 'danger', conflict: 'warning' };
// A push still under way is looked at again; pushes publish no live event.
const PENDING_RECHECK_MS = 15_000;

/** True once the element has been on screen; stays true so scrolling back does not refetch. */
function useSeen(ref: RefObject<HTMLElement | null>): boolean {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (seen || !el) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { setSeen(true); io.disconnect(); }
    }, { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, seen]);
  return seen;
}

/** Where a reservation stands on each connected platform, fetched when its row first shows. */
export function SyncBadge({ restaurantId, reservationId, version }: { restaurantId: string; reservationId: string; version: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLSpanElement>(null);
  const seen = useSeen(ref);
  const [badge, setBadge] = useState<ReservationSyncBadge | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!seen) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => queued(() => syncApi.badge(restaurantId, reservationId), () => alive).then((b) => {
      if (!alive || !b) return;
      setBadge(b);
      setFailed(false);
      if (b.platforms.some((p) => p.state === 'pending')) timer = setTimeout(load, PENDING_RECHECK_MS);
    }, () => { if (alive) setFailed(true); });
    void load();
    return () => { alive = false; clearTimeout(timer); };
  }, [seen, restaurantId, reservationId, version]);

  return (
    <span ref={ref} className="d-inline-flex flex-wrap gap-1" data-testid="sync-badge" data-loaded={badge ? 'true' : 'false'}>
      {failed && <span className="text-body-secondary small" title={t('sync.badgeUnavailable')}>?</span>}
      {!failed && !badge && <span className="placeholder col-6 rounded" style={{ minWidth: '3rem' }} />}
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
