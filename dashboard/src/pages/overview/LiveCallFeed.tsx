import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { callsApi } from '../../api/resources.ts';
import { formatTime } from '../../format.ts';
import { useLiveEvent, useLiveReload } from '../../live/LiveProvider.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { itemPath } from '../../router.ts';
import { OUTCOME_COLOR, formatDuration } from '../calls/callFormat.ts';
import { useLoad } from '../shared/useLoad.ts';

const TurnPayload = z.object({ callId: z.string(), role: z.string(), text: z.string() });

/** The latest calls, updated as they start and end; a call in progress shows its last sentence. */
export function LiveCallFeed() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const { data, reload } = useLoad(() => callsApi.list(rid, { pageSize: 10 }), [rid]);
  const [lastTurn, setLastTurn] = useState<Record<string, string>>({});
  useLiveReload(['call.started', 'call.updated', 'call.ended'], reload);
  useLiveEvent(['call.turn'], (ev) => {
    const p = TurnPayload.safeParse(ev.payload);
    if (p.success) setLastTurn((m) => ({ ...m, [p.data.callId]: `${t(`callParty.${p.data.role}`, { defaultValue: p.data.role })} : ${p.data.text}` }));
  });

  if (!data) return null;
  if (data.items.length === 0) return <p className="text-body-secondary small mb-0">{t('calls.empty')}</p>;
  return (
    <ul className="list-unstyled mb-0 d-flex flex-column gap-2 overflow-y-auto" style={{ maxHeight: 250 }} data-testid="live-calls">
      {data.items.map((c) => (
        <li key={c.id} className="border-bottom pb-2" data-testid="live-call" data-call-id={c.id} data-outcome={c.outcome}>
          <div className="d-flex gap-2 align-items-baseline">
            <a className="small text-nowrap" href={`#${itemPath(rid, 'calls', c.id)}`}>{formatTime(c.startedAt, settings.timeZone)}</a>
            <span className="text-truncate me-auto">{c.customerName ?? c.callerNumber ?? t('calls.hidden')}</span>
            <span className={`badge text-bg-${OUTCOME_COLOR[c.outcome]}`}>
              {c.outcome === 'in_progress' && <span className="spinner-grow spinner-grow-sm me-1" style={{ width: '0.5rem', height: '0.5rem' }} aria-hidden="true" />}
              {t(`callOutcome.${c.outcome}`)}
            </span>
          </div>
          <div className="small text-body-secondary text-truncate">
            {c.outcome === 'in_progress' ? (lastTurn[c.id] ?? t('overview.live.listening')) : (c.summary ?? formatDuration(c.durationSeconds))}
          </div>
        </li>
      ))}
    </ul>
  );
}
