// The slow-changing part of a restaurant's rules (hours, menu, offers,
// services, tables), read through a short-lived cache. A call prices and checks
// availability several times a minute; the menu changes a few times a day.
// Bookings and kitchen load are never cached: they are what changes.
import type { RestaurantRulesRepository } from '../../repositories/commerce/restaurant-rules-repository.ts';

/** A restaurateur's change reaches pricing and availability within this delay. */
export const RULES_TTL_MS = 5_000;

type Cached = 'rules' | 'menu' | 'offers' | 'services' | 'tables';

export function cachedRules(repo: RestaurantRulesRepository, ttlMs = RULES_TTL_MS): RestaurantRulesRepository {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  function cached<K extends Cached>(kind: K) {
    return (restaurantId: string): ReturnType<RestaurantRulesRepository[K]> => {
      const key = `${kind}:${restaurantId}`;
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value as ReturnType<RestaurantRulesRepository[K]>;
      const value = (repo[kind] as (id: string) => Promise<unknown>)(restaurantId);
      entries.set(key, { at: Date.now(), value });
      value.catch(() => entries.delete(key));
      return value as ReturnType<RestaurantRulesRepository[K]>;
    };
  }
  return {
    ...repo,
    rules: cached('rules'), menu: cached('menu'), offers: cached('offers'), services: cached('services'), tables: cached('tables'),
  };
}
