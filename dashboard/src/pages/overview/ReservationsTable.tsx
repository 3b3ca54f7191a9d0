import { useTranslation } from 'react-i18next';
import type { ReservationSummary } from '../../../../api/src/contract/index.ts';
import { formatTime } from '../../format.ts';
import { RESERVATION_STATUS_COLOR } from './status.ts';

export function ReservationsTable(props: { reservations: ReservationSummary[]; timeZone: string }) {
  const { t } = useTranslation();
  if (props.reservations.length === 0) return <p className="text-body-secondary mb-0">{t('overview.reservations.empty')}</p>;

  return (
    <div className="table-responsive">
      <table className="table table-sm table-hover align-middle mb-0" data-testid="reservations-table">
        <thead>
          <tr>
            <th scope="col">{t('overview.reservations.time')}</th>
            <th scope="col" className="text-end">{t('overview.reservations.partySize')}</th>
            <th scope="col">{t('overview.reservations.name')}</th>
            <th scope="col">{t('overview.reservations.status')}</th>
            <th scope="col">{t('overview.reservations.source')}</th>
          </tr>
        </thead>
        <tbody>
          {props.reservations.map((r) => (
            <tr key={r.id}>
              <td className="text-nowrap">{formatTime(r.startsAt, props.timeZone)}</td>
              <td className="text-end">{r.partySize}</td>
              <td>{r.customerName}</td>
              <td>
                <span className={`badge text-bg-${RESERVATION_STATUS_COLOR[r.status]}`}>
                  {t(`reservationStatus.${r.status}`)}
                </span>
              </td>
              {/* Sources are an open string in the contract: show unknown ones as sent. */}
              <td className="text-nowrap">{t(`source.${r.source}`, { defaultValue: r.source })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
