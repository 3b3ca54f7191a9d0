// A value per key, loaded once and refreshed in the background. When a value
// is older than `freshMs`, the next reader starts a reload and is still served
// the old value: a rebuild (a dozen queries, milliseconds of work) never sits
// in a caller's request. Past `maxStaleMs`, or when `usable` says no, the
// reader waits for the new value instead. `invalidate` reloads at once when
// the source is known to have changed.

export interface RefreshingCacheOptions<V> {
  freshMs: number;
  maxStaleMs: number;
  /** False when a value must not be served even while a reload runs (say, it is for another day). */
  usable?: (value: V, now: number) => boolean;
}

interface Entry<V> {
  loadedAt: number;
  value: Promise<V>;
  settled?: V;
  reloading?: Promise<V>;
  /** Its source changed since it was loaded: a reload is due whatever its age. */
  changed?: boolean;
}

export interface RefreshingCache<K, V> {
  get(key: K, now?: number): Promise<V>;
  /**
   * The source changed (for `key`, or for every key): reload now, in the
   * background. Readers get the previous value until the new one is there.
   */
  invalidate(key?: K): void;
}

// Bounds memory against junk keys; a platform has tens of restaurants.
const MAX_ENTRIES = 10_000;

export function refreshingCache<K, V>(load: (key: K, now: number) => Promise<V>, o: RefreshingCacheOptions<V>): RefreshingCache<K, V> {
  const entries = new Map<K, Entry<V>>();

  function start(key: K, now: number): Entry<V> {
    const value = load(key, now);
    const entry: Entry<V> = { loadedAt: now, value };
    value.then((v) => { entry.settled = v; }, () => { if (entries.get(key) === entry) entries.delete(key); });
    return entry;
  }

  function reload(key: K, old: Entry<V>, now: number): Promise<V> {
    if (old.reloading) return old.reloading;
    const next = start(key, now);
    old.reloading = next.value;
    // The old value stays until the new one is there; a failed reload is retried by the next reader.
    // Only the latest reload replaces it: an earlier one, overtaken by an invalidation, read too soon.
    const latest = () => entries.get(key) === old && old.reloading === next.value;
    next.value.then(() => { if (latest()) entries.set(key, next); }, () => { if (old.reloading === next.value) delete old.reloading; });
    return next.value;
  }

  return {
    invalidate(key) {
      const now = Date.now();
      for (const [k, entry] of entries) {
        if (key !== undefined && k !== key) continue;
        // A reload already running may have read before the change: it must not count as fresh.
        delete entry.reloading;
        // Until the reload lands, readers are served this value but retry the reload if it failed.
        entry.changed = true;
        reload(k, entry, now).catch(() => undefined); // a failure reaches the next reader
      }
    },
    get(key, now = Date.now()) {
      const hit = entries.get(key);
      if (!hit) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        const entry = start(key, now);
        entries.set(key, entry);
        return entry.value;
      }
      const age = now - hit.loadedAt;
      if (age < o.freshMs && !hit.changed) {
        if (hit.settled === undefined || !o.usable || o.usable(hit.settled, now)) return hit.value;
        return reload(key, hit, now);
      }
      const servable = hit.settled !== undefined && age < o.maxStaleMs && (!o.usable || o.usable(hit.settled, now));
      const fresh = reload(key, hit, now);
      if (!servable) return fresh;
      fresh.catch(() => undefined); // a failure reaches the next reader, not this one
      return hit.value;
    },
  };
}
