// What every route module receives: the shared infrastructure. Each module
// builds its own repositories and services from it.
import type { Redis } from 'ioredis';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { LiveHub } from '../live/hub.ts';
import type { CatalogChanges } from '../live/catalog-changes.ts';
import type { ApiConfig } from '../config.ts';

export interface AppContext {
  db: Database;
  redis: Redis | undefined;
  log: Logger;
  secretBox: SecretBox;
  live: LiveHub;
  /** Pushes menu and settings changes to the caches; without it they reload by age. */
  catalog?: CatalogChanges;
  config: Pick<ApiConfig, 'googleMapsApiKey' | 'googleMapsBaseUrl' | 'openaiApiKey' | 'controllerUrl'>
    // Optional so that contexts built by hand in tests need not name them (unset means OpenAI's defaults).
    & Partial<Pick<ApiConfig, 'openaiBaseUrl' | 'openaiMenuModel'>>
    // Platform endpoints (Zenchef, TheFork); unset in hand-built test contexts.
    & Partial<Pick<ApiConfig, 'sync'>>
    // Which deployment this is, for what several processes share in Redis (rate-limit windows).
    & Partial<Pick<ApiConfig, 'database'>>;
}
