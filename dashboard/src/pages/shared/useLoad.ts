import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads data and keeps the last good copy on screen while reloading; an answer
 * that arrives after a newer request started is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const mine = ++seq.current;
    loadRef.current().then(
      (d) => {
        if (mine !== seq.current) return;
        setData(d);
        setError(null);
      },
      (e: unknown) => mine === seq.current && setError(e),
    );
  }, []);

  useEffect(reload, deps);
  return { data, error, reload, setData };
}
