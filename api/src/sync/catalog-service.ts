// The platform's services (Zenchef shifts), rooms and offers, read live for the
// mapping screen with the stored credentials. A failure says, in French, whose
// it is and what the restaurateur can do about it.
import type { PrismaClient, SyncPlatform } from '../generated/prisma/client.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { AppError } from '../errors.ts';
import type { PlatformCatalogView } from '../contract/sync.ts';
import { PlatformError } from './types.ts';
import { syncRepository } from './sync-repository.ts';
import { connectorCache, type SyncEndpoints } from './connector-factory.ts';
import { platformName } from './agent-gate.ts';

const DEFAULT_RETRY_AFTER_MS = 60_000;

export function catalogError(platform: SyncPlatform, e: unknown): AppError {
  if (!(e instanceof PlatformError)) throw e;
  const name = platformName(platform);
  switch (e.kind) {
    case 'auth':
      return new AppError('platform_unreachable', `${name} refuse les identifiants enregistrés : vérifiez-les dans la connexion de la plateforme.`);
    case 'rate_limited':
      return new AppError('rate_limited', `${name} limite le nombre d'appels : réessayez dans ${Math.ceil((e.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS) / 1000)} s.`);
    case 'retryable':
      return new AppError('platform_unreachable', `${name} ne répond pas pour l'instant (${e.message}) : réessayez dans quelques minutes.`);
    default:
      return new AppError('platform_unreachable', `${name} a refusé la demande (${e.message}).`);
  }
}

export function catalogService(prisma: PrismaClient, box: SecretBox, endpoints: SyncEndpoints) {
  const repo = syncRepository(prisma);
  const connectorFor = connectorCache(prisma, box, endpoints);

  return {
    async catalog(restaurantId: string, platform: SyncPlatform): Promise<PlatformCatalogView> {
      const cfg = await repo.config(restaurantId, platform);
      if (!cfg) throw new AppError('not_found', `${platformName(platform)} n'est pas connecté à ce restaurant : connectez-le d'abord.`);
      try {
        return { platform, ...await connectorFor(cfg).catalog() };
      } catch (e) {
        throw catalogError(platform, e);
      }
    },
  };
}
