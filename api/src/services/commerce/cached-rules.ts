// The slow-changing part of a restaurant's rules (hours, menu, offers,
// services, tables), read through a short-lived cache. A call prices and checks
// availability several times a minute; the menu changes a few times a day.
// Bookings and kitchen load are never cached: they are what changes.
import { refreshingCache } from '../../util/refreshing-cache.ts';
import type { RestaurantRulesRepository } from '../../repositories/commerce/restaurant-rules-repository.ts';

/** After this delay, the next reader starts a reload (and is answered from the previous one meanwhile). */
export const RULES_TTL_MS = 5_000;
/** A restaurateur's change reaches pricing and availability within this delay at most. */
export const RULES_MAX_STALE_MS = 15_000;

type Cached = 'rules' | 'menu' | 'offers' | 'services' | 'tables';

export function cachedRules(repo: RestaurantRulesRepository): RestaurantRulesRepository {
  function cached<K extends Cached>(kind: K) {
    const load = repo[kind] as (id: string) => Promise<unknown>;
    const cache = refreshingCache<string, unknown>((restaurantId) => load(restaurantId), { freshMs: RULES_TTL_MS, maxStaleMs: RULES_MAX_STALE_MS });
    return (restaurantId: string) => cache.get(restaurantId) as ReturnType<RestaurantRulesRepository[K]>;
  }
  return {
    ...repo,
    rules: cached('rules'), menu: cached('menu'), offers: cached('offers'), services: cached('services'), tables: cached('tables'),
  };
}
