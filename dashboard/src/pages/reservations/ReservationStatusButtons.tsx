import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReservationDetail } from '../../../../api/src/contract/index.ts';
import { reservationsApi } from '../../api/resources.ts';

/** The moves the API allows from here (`nextStatuses`): confirm, seat, complete, no-show, cancel. */
export function ReservationStatusButtons(props: { restaurantId: string; reservation: ReservationDetail; onChanged: (r: ReservationDetail) => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const move = async (status: string) => {
    setBusy(true);
    try {
      props.onChanged(await reservationsApi.setStatus(props.restaurantId, props.reservation.id, status));
    } catch (e) {
      props.onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="d-flex flex-wrap gap-1">
      {props.reservation.nextStatuses.map((s) => (
        <button key={s} type="button" disabled={busy} data-testid={`res-move-${s}`}
          className={`btn btn-sm ${s === 'cancelled' || s === 'no_show' ? 'btn-outline-danger' : 'btn-outline-primary'}`}
          onClick={() => void move(s)}>
          {t(`reservationAction.${s}`)}
        </button>
      ))}
    </div>
  );
}
