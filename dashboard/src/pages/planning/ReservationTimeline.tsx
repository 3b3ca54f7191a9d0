import { useTranslation } from 'react-i18next';
import type { DiningRoomPage, DiningTablePage, ReservationDetail } from '../../../../api/src/contract/index.ts';
import { localParts, minutesToHhmm } from '../../format.ts';

const BAR_COLOR: Record<string, string> = { pending: '#d39e00', confirmed: '#0d6efd', seated: '#198754', completed: '#6c757d', no_show: '#212529' };

/** Rooms, then one row per table, reservations drawn where they sit in the day. */
export function ReservationTimeline(props: {
  rooms: DiningRoomPage['items']; tables: DiningTablePage['items']; reservations: ReservationDetail[]; timeZone: string;
}) {
  const { t } = useTranslation();
  const shown = props.reservations.filter((r) => r.status !== 'cancelled');
  const span = shown.map((r) => [localParts(r.startsAt, props.timeZone).minutes, localParts(r.endsAt, props.timeZone).minutes || 1440] as const);
  const start = Math.min(11 * 60, ...span.map(([s]) => Math.floor(s / 60) * 60));
  const end = Math.max(23 * 60, ...span.map(([, e]) => Math.ceil(e / 60) * 60));
  const pct = (m: number) => `${((m - start) / (end - start)) * 100}%`;
  const hours = Array.from({ length: (end - start) / 60 + 1 }, (_, i) => start + i * 60);

  const row = (key: string, label: string, list: ReservationDetail[]) => (
    <div key={key} className="d-flex align-items-center">
      <div className="small text-truncate pe-2" style={{ width: 110 }}>{label}</div>
      <div className="timeline-row flex-grow-1">
        {list.map((r) => {
          const s = localParts(r.startsAt, props.timeZone).minutes;
          const e = localParts(r.endsAt, props.timeZone).minutes || 1440;
          return (
            <div key={r.id} className="timeline-bar" data-testid="timeline-reservation" title={`${minutesToHhmm(s)} ${r.customerName} (${r.partySize})`}
              style={{ left: pct(s), width: `calc(${pct(e)} - ${pct(s)})`, background: BAR_COLOR[r.status] ?? '#0d6efd' }}>
              {minutesToHhmm(s)} {r.customerName} · {r.partySize}
            </div>
          );
        })}
      </div>
    </div>
  );

  const unplaced = shown.filter((r) => r.tableIds.length === 0);
  return (
    <div data-testid="reservation-timeline">
      <div className="d-flex">
        <div style={{ width: 110 }} />
        <div className="timeline-hours flex-grow-1">
          {hours.map((h) => <span key={h} style={{ left: pct(h) }}>{minutesToHhmm(h)}</span>)}
        </div>
      </div>
      {props.rooms.map((room) => (
        <div key={room.id} className="mb-2">
          <div className="fw-semibold small mt-2">{room.name}</div>
          {props.tables.filter((tb) => tb.roomId === room.id).map((tb) =>
            row(tb.id, `${tb.name} (${tb.maxCapacity})`, shown.filter((r) => r.tableIds.includes(tb.id))))}
        </div>
      ))}
      {unplaced.length > 0 && (
        <div className="mb-2">
          <div className="fw-semibold small mt-2">{t('planning.unplaced')}</div>
          {unplaced.map((r) => row(r.id, r.customerName, [r]))}
        </div>
      )}
    </div>
  );
}
