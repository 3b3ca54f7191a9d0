import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoiceServer } from '../../../../api/src/contract/index.ts';
import { voiceServersApi } from '../../api/admin.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { formatAgo, formatUptime } from './voiceFormat.ts';

// Controllers beat every 15 s: refreshing faster would show nothing new.
const REFRESH_MS = 5_000;

const STATUS_CLASS: Record<VoiceServer['status'], string> = { up: 'text-bg-success', degraded: 'text-bg-warning', stale: 'text-bg-danger' };

/** Each controller's last heartbeat: its ARI link, its Asterisk, its calls; and the calls in progress per restaurant. */
export function VoiceServersPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(() => voiceServersApi.list(), []);
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  // "Last seen" keeps moving between two refreshes.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (!data) return error ? <ErrorAlert error={error} /> : <Spinner />;
  const live = data.servers.filter((s) => s.status !== 'stale');
  const capacity = live.reduce((n, s) => n + s.maxCalls, 0);
  return (
    <>
      <PageHeader title={t('admin.voice.title')} />
      {error !== null && <ErrorAlert error={error} />}
      <div className="row g-2 mb-3">
        <Figure label={t('admin.voice.activeCalls')} value={String(data.activeCalls)} testId="voice-active-calls" />
        <Figure label={t('admin.voice.serversUp')} value={`${live.length} / ${data.servers.length}`} testId="voice-servers-up" />
        <Figure label={t('admin.voice.capacity')} value={String(capacity)} />
      </div>
      <div className="card shadow-sm mb-3">
        <div className="card-header fw-semibold">{t('admin.voice.controllers')}</div>
        {data.servers.length === 0 ? (
          <div className="card-body text-body-secondary" data-testid="voice-empty">{t('admin.voice.none')}</div>
        ) : (
          <div className="table-responsive">
            <table className="table align-middle mb-0" data-testid="voice-servers">
              <thead><tr>
                <th>{t('admin.voice.server')}</th><th>{t('admin.voice.status')}</th><th>{t('admin.voice.asterisk')}</th>
                <th className="text-end">{t('admin.voice.calls')}</th><th>{t('admin.voice.lastSeen')}</th><th>{t('admin.voice.version')}</th>
              </tr></thead>
              <tbody>
                {data.servers.map((s) => (
                  <tr key={s.controllerId} data-controller-id={s.controllerId} data-status={s.status}>
                    <td><div className="fw-semibold">{s.hostname}</div><div className="small text-body-secondary">{s.controllerId}</div></td>
                    <td>
                      <span className={`badge ${STATUS_CLASS[s.status]}`}>{t(`admin.voice.statuses.${s.status}`)}</span>
                      <div className="small text-body-secondary">{s.ariConnected ? t('admin.voice.ariUp') : t('admin.voice.ariDown')}</div>
                    </td>
                    <td>{s.asterisk ? <>{s.asterisk.version}<div className="small text-body-secondary">{t('admin.voice.uptime', { uptime: formatUptime(s.asterisk.uptimeSeconds) })}</div></> : <span className="text-body-secondary">—</span>}</td>
                    <td className="text-end text-nowrap" data-testid="server-calls">{s.activeCalls} / {s.maxCalls}</td>
                    <td className="text-nowrap">{formatAgo(s.lastSeenAt, now)}<div className="small text-body-secondary">{t('admin.voice.every', { seconds: Math.round(s.intervalMs / 1000) })}</div></td>
                    <td className="small">{s.version}<div className="text-body-secondary">{t('admin.voice.since', { ago: formatAgo(s.startedAt, now) })}</div></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <div className="card shadow-sm">
        <div className="card-header fw-semibold">{t('admin.voice.perRestaurant')}</div>
        {data.restaurants.length === 0 ? (
          <div className="card-body text-body-secondary">{t('admin.voice.noCalls')}</div>
        ) : (
          <ul className="list-group list-group-flush" data-testid="voice-restaurants">
            {data.restaurants.map((r) => (
              <li key={r.restaurantId} className="list-group-item d-flex justify-content-between">
                <span>{r.name}</span><span className="badge text-bg-primary rounded-pill">{r.activeCalls}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="small text-body-secondary mt-2 mb-0">{t('admin.voice.staleHelp')}</p>
    </>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="col-sm-4">
      <div className="card shadow-sm h-100"><div className="card-body py-2">
        <div className="small text-body-secondary">{label}</div>
        <div className="fs-4 fw-semibold" data-testid={testId}>{value}</div>
      </div></div>
    </div>
  );
}
