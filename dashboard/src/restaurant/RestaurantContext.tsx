import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { RestaurantSettings } from '../../../api/src/contract/index.ts';
import { settingsApi } from '../api/resources.ts';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';
import { Spinner } from '../layout/Spinner.tsx';

export interface RestaurantValue {
  id: string;
  settings: RestaurantSettings;
  reloadSettings: () => void;
}

const Ctx = createContext<RestaurantValue | null>(null);

/** The open restaurant's settings (zone, currency, kitchen capacity), loaded once for every page. */
export function RestaurantProvider({ restaurantId, children }: { restaurantId: string; children: ReactNode }) {
  const [settings, setSettings] = useState<RestaurantSettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    settingsApi.get(restaurantId).then(
      (s) => !cancelled && setSettings(s),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [restaurantId, version]);

  if (error !== null && !settings) return <ErrorAlert error={error} />;
  if (!settings) return <Spinner />;
  return <Ctx.Provider value={{ id: restaurantId, settings, reloadSettings: () => setVersion((v) => v + 1) }}>{children}</Ctx.Provider>;
}

export function useRestaurant(): RestaurantValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useRestaurant outside RestaurantProvider');
  return v;
}
