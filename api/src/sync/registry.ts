// The connector for each platform. A new platform is one folder under
// connectors/ and one entry here.
import type { SyncPlatform } from '../generated/prisma/client.ts';
import type { ConnectorSettings, PlatformConnector, WebhookVerifier } from './types.ts';
import { zenchefConnector } from './connectors/zenchef/connector.ts';
import { zenchefWebhook } from './connectors/zenchef/webhook.ts';
import { theforkConnector } from './connectors/thefork/connector.ts';
import { theforkWebhook } from './connectors/thefork/webhook.ts';

export interface PlatformModule {
  connector(s: ConnectorSettings): PlatformConnector;
  webhook: WebhookVerifier;
  /** Credential fields the dashboard asks for. */
  credentialFields: readonly string[];
}

export const PLATFORMS: Record<SyncPlatform, PlatformModule> = {
  zenchef: { connector: zenchefConnector, webhook: zenchefWebhook, credentialFields: ['authToken', 'publisherName'] },
  thefork: { connector: theforkConnector, webhook: theforkWebhook, credentialFields: ['clientId', 'clientSecret'] },
};

export const platformModule = (p: SyncPlatform): PlatformModule => PLATFORMS[p];
