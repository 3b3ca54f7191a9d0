// The slow-changing part of a restaurant's rules (hours, menu, offers,
// services, tables), read through a cache that reloads when the restaurant's
// catalog changes (or by age, where changes are not pushed). A call prices and
// checks availability several times a minute; the menu changes a few times a
// day. Bookings and kitchen load are never cached: they are what changes.
import { refreshingCache } from '../../util/refreshing-cache.ts';
import { catalogCacheOptions, type CatalogChanges } from '../../live/catalog-changes.ts';
import type { RestaurantRulesRepository } from '../../repositories/commerce/restaurant-rules-repository.ts';

type Cached = 'rules' | 'menu' | 'offers' | 'services' | 'tables';

export function cachedRules(repo: RestaurantRulesRepository, catalog?: CatalogChanges): RestaurantRulesRepository {
  function cached<K extends Cached>(kind: K) {
    const load = repo[kind] as (id: string) => Promise<unknown>;
    const cache = refreshingCache<string, unknown>((restaurantId) => load(restaurantId), catalogCacheOptions(catalog));
    catalog?.onChange((restaurantId) => cache.invalidate(restaurantId ?? undefined));
    return (restaurantId: string) => cache.get(restaurantId) as ReturnType<RestaurantRulesRepository[K]>;
  }
  return {
    ...repo,
    rules: cached('rules'), menu: cached('menu'), offers: cached('offers'), services: cached('services'), tables: cached('tables'),
  };
}
