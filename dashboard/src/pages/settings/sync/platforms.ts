// What the dashboard needs to know of each platform to connect it; mirrors the API's registry.
import type { SyncPlatformName } from '../../../../../api/src/contract/index.ts';

export interface CredentialField { key: string; secret: boolean; required: boolean }

export const PLATFORMS: readonly SyncPlatformName[] = ['zenchef', 'thefork'];

export const PLATFORM_LABEL: Record<SyncPlatformName, string> = { zenchef: 'Zenchef', thefork: 'TheFork' };

export const CREDENTIAL_FIELDS: Record<SyncPlatformName, readonly CredentialField[]> = {
  zenchef: [{ key: 'authToken', secret: true, required: true }, { key: 'publisherName', secret: false, required: false }],
  thefork: [{ key: 'clientId', secret: false, required: true }, { key: 'clientSecret', secret: true, required: true }],
};

export const MASTERED_ENTITIES = ['reservation', 'service', 'room', 'table', 'offer', 'customer'] as const;
export type MasteredEntity = (typeof MASTERED_ENTITIES)[number];

/**
 * The full URL to paste into the platform. The dashboard is served from the
 * API's public origin; TheFork authenticates by a token in the URL instead of a signature.
 */
export function webhookUrl(platform: SyncPlatformName, path: string, origin = window.location.origin): string {
  return `${origin}${path}${platform === 'thefork' ? '?token=' : ''}`;
}

/** A webhook secret for the restaurateur to paste on both sides (the API wants at least 16 characters). */
export function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
