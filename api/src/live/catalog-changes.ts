// Tells the API's caches when a restaurant's menu, hours, offers, tables,
// answered FAQ or phone lines change. PostgreSQL triggers NOTIFY on `vo_catalog` when such a
// change commits, whoever wrote it (see the catalog_change_notify migration).
// Without a LISTEN connection (PGlite), nothing is pushed and the caches
// reload by age instead.
import type { Logger } from '../logger.ts';
import { createPgListener, type PgListener } from './pg-listener.ts';

export const CATALOG_CHANNEL = 'vo_catalog';

export interface CatalogChanges {
  /** True when changes are pushed: a cache may then keep a value until told. */
  readonly pushed: boolean;
  /** `restaurantId` null: any restaurant may have changed (or notifications were missed). */
  onChange(listener: (restaurantId: string | null) => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createCatalogChanges(log: Logger, opts: { pgUrl?: string }): CatalogChanges {
  const listeners: Array<(restaurantId: string | null) => void> = [];
  const emit = (restaurantId: string | null) => {
    for (const l of listeners) {
      try {
        l(restaurantId);
      } catch (err) {
        log.error({ err }, 'catalog change listener failed');
      }
    }
  };
  const listener: PgListener | undefined = opts.pgUrl
    ? createPgListener({
      url: opts.pgUrl, channel: CATALOG_CHANNEL, log, applicationName: 'voiceorder-catalog',
      onNotify: (payload) => emit(payload || null),
      // Changes made while the connection was down were not heard: everything may have changed.
      onConnected: () => emit(null),
    })
    : undefined;
  return {
    pushed: listener !== undefined,
    onChange: (l) => { listeners.push(l); },
    start: async () => { await listener?.start(); },
    stop: async () => { await listener?.stop(); },
  };
}

/** Without pushed changes, after this delay the next reader starts a reload (and is answered from the previous value meanwhile). */
export const CATALOG_POLL_FRESH_MS = 5_000;
/** Without pushed changes, a restaurateur's edit reaches calls within this delay at most. */
export const CATALOG_POLL_MAX_STALE_MS = 15_000;
/**
 * With changes pushed, a value is still reloaded after this long: a safety net
 * for a change that no trigger reports. Missed notifications are covered
 * anyway: a reconnected listener reloads everything.
 */
export const CATALOG_PUSHED_FRESH_MS = 60_000;
/** With changes pushed, a value this old is not served while a failing reload is retried. */
export const CATALOG_PUSHED_MAX_STALE_MS = 180_000;

/** How long a cache of catalog data may keep a value, and which changes reload it. */
export function catalogCacheOptions(catalog: CatalogChanges | undefined): { freshMs: number; maxStaleMs: number } {
  return catalog?.pushed
    ? { freshMs: CATALOG_PUSHED_FRESH_MS, maxStaleMs: CATALOG_PUSHED_MAX_STALE_MS }
    : { freshMs: CATALOG_POLL_FRESH_MS, maxStaleMs: CATALOG_POLL_MAX_STALE_MS };
}
