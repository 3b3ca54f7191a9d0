import { useEffect, useRef, useState } from 'react';
import { useLiveEvent } from './LiveProvider.tsx';
import { playNewOrderAlert } from './orderAlert.ts';

/** Rings for each new order on any page; counts the ones not yet seen on the orders board. */
export function useNewOrderBadge(onBoard: boolean): number {
  const [unseen, setUnseen] = useState(0);
  // A reconnection replays what was missed: an order already announced must not ring twice.
  const announced = useRef(new Set<unknown>());
  useLiveEvent(['order.created'], (ev) => {
    const id = (ev.payload as { orderId?: unknown } | null)?.orderId;
    if (announced.current.has(id)) return;
    announced.current.add(id);
    playNewOrderAlert();
    if (!onBoard) setUnseen((n) => n + 1);
  });
  useEffect(() => {
    if (onBoard) setUnseen(0);
  }, [onBoard]);
  return unseen;
}
