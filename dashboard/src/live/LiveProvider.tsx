import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LiveEventData, LiveEventType } from '../../../api/src/contract/index.ts';
import { rpath } from '../api/client.ts';

export type LiveStatus = 'connecting' | 'open' | 'down';
type Listener = (event: LiveEventData) => void;

interface LiveValue {
  status: LiveStatus;
  /** Bumped when what is on screen may have missed events (a `reset`, or a reconnection): reload it. */
  epoch: number;
  subscribe: (listener: Listener) => () => void;
}

const LiveContext = createContext<LiveValue | null>(null);

// The server asks for 3 s between the browser's own retries; ours, after a refused stream, waits as long.
const RETRY_MS = 3000;

/** One EventSource per restaurant, shared by every page through context. */
export function LiveProvider({ restaurantId, children }: { restaurantId: string; children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [epoch, setEpoch] = useState(0);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let lastId: string | undefined;
    let wasDown = false;
    let stopped = false;

    const dispatch = (e: MessageEvent<string>) => {
      const parsed = LiveEventData.safeParse(JSON.parse(e.data));
      if (!parsed.success) return;
      lastId = parsed.data.id;
      if (parsed.data.type === 'reset') setEpoch((n) => n + 1);
      for (const l of listeners.current) l(parsed.data);
    };

    const connect = () => {
      // The browser resends Last-Event-ID on its own reconnects; a new EventSource needs it in the query.
      const url = rpath(restaurantId, `/events${lastId ? `?lastEventId=${lastId}` : ''}`);
      const es = new EventSource(url, { withCredentials: true });
      source = es;
      for (const type of LiveEventType.options) es.addEventListener(type, dispatch);
      es.onopen = () => {
        setStatus('open');
        if (wasDown) setEpoch((n) => n + 1);
        wasDown = false;
      };
      es.onerror = () => {
        wasDown = true;
        setStatus('down');
        // CLOSED means the browser gave up (an error answer, not a dropped link): start over ourselves.
        if (es.readyState === EventSource.CLOSED && !stopped) {
          es.close();
          retry = setTimeout(connect, RETRY_MS);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [restaurantId]);

  const value = useMemo<LiveValue>(
    () => ({
      status,
      epoch,
      subscribe: (l) => {
        listeners.current.add(l);
        return () => listeners.current.delete(l);
      },
    }),
    [status, epoch],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveValue {
  const v = useContext(LiveContext);
  if (!v) throw new Error('useLive outside LiveProvider');
  return v;
}

/** Calls `handler` for each live event whose type starts with one of `prefixes` ('order.', 'call.'…). */
export function useLiveEvent(prefixes: readonly string[], handler: Listener): void {
  const { subscribe } = useLive();
  const ref = useRef(handler);
  ref.current = handler;
  const key = prefixes.join('|');
  useEffect(
    () => subscribe((ev) => {
      if (key.split('|').some((p) => ev.type.startsWith(p))) ref.current(ev);
    }),
    [subscribe, key],
  );
}

/**
 * Reloads on matching events and whenever the stream may have missed some.
 * Events in a burst are folded into one reload.
 */
export function useLiveReload(prefixes: readonly string[], reload: () => void, delayMs = 150): void {
  const { epoch } = useLive();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ref = useRef(reload);
  ref.current = reload;
  useLiveEvent(prefixes, () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => ref.current(), delayMs);
  });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current();
  }, [epoch]);
  useEffect(() => () => clearTimeout(timer.current), []);
}
