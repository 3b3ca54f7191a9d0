import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderDetail } from '../../../../api/src/contract/index.ts';
import { ordersApi } from '../../api/resources.ts';
import { useLive, useLiveEvent } from '../../live/LiveProvider.tsx';
import { ACTIVE_STATUSES, COMPLETED_SHOWN } from './columns.ts';

/**
 * The orders on the board, kept live: a new or changed order is fetched alone
 * (one round trip), and the whole board reloads when the stream may have missed events.
 */
export function useOrderBoard(restaurantId: string) {
  const [orders, setOrders] = useState<Map<string, OrderDetail> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { epoch } = useLive();
  const alive = useRef(true);

  const reload = useCallback(async () => {
    try {
      const [active, done] = await Promise.all([
        ordersApi.list(restaurantId, { status: ACTIVE_STATUSES, pageSize: 200 }),
        ordersApi.list(restaurantId, { status: 'completed', pageSize: COMPLETED_SHOWN }),
      ]);
      if (!alive.current) return;
      setOrders(new Map([...active.items, ...done.items].map((o) => [o.id, o])));
      setError(null);
    } catch (e) {
      if (alive.current) setError(e);
    }
  }, [restaurantId]);

  useEffect(() => {
    alive.current = true;
    void reload();
    return () => {
      alive.current = false;
    };
  }, [reload, epoch]);

  const put = useCallback((o: OrderDetail) => {
    setOrders((prev) => {
      const next = new Map(prev ?? []);
      const old = next.get(o.id);
      // A slower answer must not roll back a newer status.
      if (!old || old.updatedAt <= o.updatedAt) next.set(o.id, o);
      return next;
    });
  }, []);

  useLiveEvent(['order.'], (ev) => {
    const id = (ev.payload as { orderId?: unknown } | null)?.orderId;
    if (typeof id !== 'string') return void reload();
    ordersApi.get(restaurantId, id).then(put, () => void reload());
  });

  return { orders, error, reload, put };
}
