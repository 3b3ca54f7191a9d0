import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../api/src/contract/index.ts';
import { ordersApi } from '../../api/resources.ts';

/**
 * One button per status the API says comes next (`nextStatuses`): the dashboard
 * never guesses the machine. A refusal (409) is reported through `onError`.
 */
export function StatusButtons(props: {
  restaurantId: string;
  order: OrderDetail;
  onChanged: (o: OrderDetail) => void;
  onError: (e: unknown) => void;
  size?: 'sm';
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const { order } = props;

  const move = async (status: string) => {
    if (status === 'cancelled' && !window.confirm(t('orders.confirmCancel', { number: order.number }))) return;
    setBusy(true);
    try {
      props.onChanged(await ordersApi.setStatus(props.restaurantId, order.id, status));
    } catch (e) {
      props.onError(e);
    } finally {
      setBusy(false);
    }
  };

  const btn = props.size === 'sm' ? ' btn-sm' : '';
  return (
    <div className="d-flex flex-wrap gap-1 d-print-none">
      {order.nextStatuses.map((s) => (
        <button
          key={s}
          type="button"
          disabled={busy}
          data-testid={`move-${s}`}
          className={`btn${btn} ${s === 'cancelled' ? 'btn-outline-danger' : 'btn-primary'}`}
          onClick={(e) => {
            e.stopPropagation();
            void move(s);
          }}
        >
          {s === 'cancelled' ? t('orders.cancel') : `→ ${t(`orderStatus.${s}`)}`}
        </button>
      ))}
    </div>
  );
}
