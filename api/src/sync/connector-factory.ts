// Builds a connector from a stored platform config: credentials decrypted only
// here, the TheFork token read from and written back to the config, encrypted.
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { PlatformConnector } from './types.ts';
import type { SyncConfigRow } from './sync-repository.ts';
import { syncRepository } from './sync-repository.ts';
import { platformModule } from './registry.ts';

export interface SyncEndpoints {
  zenchef: string;
  thefork: string;
  theforkAuth: string;
  timeoutMs: number;
}

export function connectorCache(prisma: PrismaClient, box: SecretBox, endpoints: SyncEndpoints) {
  const repo = syncRepository(prisma);
  // One connector per set of credentials, so TheFork's token stays in memory between jobs.
  const cache = new Map<string, { version: string; connector: PlatformConnector }>();

  return (cfg: SyncConfigRow): PlatformConnector => {
    const version = `${cfg.externalRestaurantId}|${cfg.credentialsEnc}`;
    const hit = cache.get(cfg.id);
    if (hit?.version === version) return hit.connector;
    const connector = platformModule(cfg.platform).connector({
      externalRestaurantId: cfg.externalRestaurantId,
      credentials: JSON.parse(box.open(cfg.credentialsEnc)) as Record<string, string>,
      timeZone: cfg.restaurant.timeZone,
      baseUrls: { zenchef: endpoints.zenchef, thefork: endpoints.thefork, theforkAuth: endpoints.theforkAuth },
      timeoutMs: endpoints.timeoutMs,
      tokens: {
        async get() {
          const row = await repo.config(cfg.restaurantId, cfg.platform);
          if (!row?.tokenCacheEnc || !row.tokenExpiresAt) return null;
          return { token: box.open(row.tokenCacheEnc), expiresAt: row.tokenExpiresAt };
        },
        async set(token, expiresAt) {
          await repo.saveToken(cfg.id, token ? box.seal(token) : null, token ? expiresAt : null);
        },
      },
    });
    cache.set(cfg.id, { version, connector });
    return connector;
  };
}
export type ConnectorFor = ReturnType<typeof connectorCache>;
