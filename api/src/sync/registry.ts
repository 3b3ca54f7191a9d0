// The connector for each platform. A new platform is one folder under
// connectors/ and one entry here.
import type { SyncPlatform } from '../generated/prisma/client.ts';
import type { ConnectorSettings, ExternalReservation, LocalBooking, PlatformConnector, WebhookVerifier } from './types.ts';
import { zenchefConnector } from './connectors/zenchef/connector.ts';
import { zenchefWebhook } from './connectors/zenchef/webhook.ts';
import { zenchefDiffers } from './connectors/zenchef/mapping.ts';
import { theforkConnector } from './connectors/thefork/connector.ts';
import { theforkWebhook } from './connectors/thefork/webhook.ts';
import { theforkDiffers } from './connectors/thefork/mapping.ts';

export interface PlatformModule {
  connector(s: ConnectorSettings): PlatformConnector;
  webhook: WebhookVerifier;
  /** Credential fields the dashboard asks for. */
  credentialFields: readonly string[];
  /** True when the platform shows our booking otherwise than we could write it (so a correction can converge). */
  differs(local: LocalBooking, ext: ExternalReservation): boolean;
}

export const PLATFORMS: Record<SyncPlatform, PlatformModule> = {
  zenchef: { connector: zenchefConnector, webhook: zenchefWebhook, credentialFields: ['authToken', 'publisherName'], differs: zenchefDiffers },
  thefork: { connector: theforkConnector, webhook: theforkWebhook, credentialFields: ['clientId', 'clientSecret'], differs: theforkDiffers },
};

export const platformModule = (p: SyncPlatform): PlatformModule => PLATFORMS[p];
