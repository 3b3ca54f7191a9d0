// Which SIP devices the config declares, derived from the payload: the OVH
// trunks, the HT841 FXO ports, and the staff phones calls are transferred to.
import { createHmac } from 'node:crypto';
import type { AsteriskLine, AsteriskProvisioning, AsteriskRestaurant } from '../../../api/src/contract/provisioning.ts';
import { RenderError, type RenderOptions } from './options.ts';
import { outboundContext } from './contexts.ts';

// 24 base64url characters: 144 bits, more than any SIP brute force can reach.
const DERIVED_SECRET_CHARS = 24;

export const byDid = (a: AsteriskLine, b: AsteriskLine): number => (a.did < b.did ? -1 : a.did > b.did ? 1 : 0);
export const sortedLines = (p: AsteriskProvisioning): AsteriskLine[] => [...p.lines].sort(byDid);

/** Staff phones that are SIP endpoints, by name, and not already a line. */
export function staffEndpoints(p: AsteriskProvisioning): string[] {
  const lineNames = new Set(p.lines.map((l) => l.endpointName));
  const names = p.restaurants
    .filter((r) => r.transferTargetKind === 'endpoint' && r.transferTarget && !lineNames.has(r.transferTarget))
    .map((r) => r.transferTarget as string);
  return [...new Set(names)].sort();
}

/** The restaurant's own trunk for calls out (first by DID): never another restaurant's, which would bill them. */
export function trunkOf(p: AsteriskProvisioning, restaurantId: string): AsteriskLine | undefined {
  return sortedLines(p).find((l) => l.restaurantId === restaurantId && l.kind === 'ovh_trunk');
}

/** The Dial() target of a restaurant's staff, or null when there is none to ring. */
export function staffDialString(p: AsteriskProvisioning, r: AsteriskRestaurant): string | null {
  if (!r.transferTarget || !r.transferTargetKind) return null;
  if (r.transferTargetKind === 'endpoint') return `PJSIP/${r.transferTarget}`;
  // Through the outbound context, which presents the restaurant's own number: a trunk refuses a caller's it does not own.
  return trunkOf(p, r.id) ? `Local/${r.transferTarget}@${outboundContext(r.slug)}` : null;
}

/** A device's SIP password: the stored one, else one derived from the key so renders stay identical. */
export function deviceSecret(name: string, stored: string | null, opts: RenderOptions): string {
  if (stored) return stored;
  if (!opts.deviceSecretKey) {
    throw new RenderError(`${name} has no SIP password: set VOICEORDER_DEVICE_SECRET_KEY (openssl rand -base64 32) to derive one, or store one on the line`);
  }
  return createHmac('sha256', opts.deviceSecretKey).update(`sip-device:${name}`).digest('base64url').slice(0, DERIVED_SECRET_CHARS);
}
