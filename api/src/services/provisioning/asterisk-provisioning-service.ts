// What Asterisk must know, in one payload: the enabled lines with their
// decrypted SIP secrets and each restaurant's call handling. The CLI renders
// pjsip.conf and extensions.conf from it.
import { AppError } from '../../errors.ts';
import { toLocal } from '../../domain/calendar.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Principal } from '../auth-service.ts';
import type { AsteriskRepository, RestaurantWithCallHandling } from '../../repositories/provisioning/asterisk-repository.ts';
import type { AsteriskProvisioning, AsteriskRestaurant, ProvisioningRestaurantList } from '../../contract/provisioning.ts';

// Integration tokens (third-party software) must never read SIP passwords.
const PROVISIONING_KINDS = new Set(['cli', 'controller']);

/** The token's restaurant, or null for a platform-wide token; refuses other callers. */
export function provisioningScope(p: Principal | undefined): string | null {
  if (!p || p.kind !== 'token') throw new AppError('forbidden', 'This route needs a service token');
  if (!PROVISIONING_KINDS.has(p.tokenKind)) throw new AppError('forbidden', 'Only cli and controller tokens may read the provisioning');
  return p.restaurantId;
}

/**
 * Past closures are left out: GotoIfTime has no year, so a closure kept after
 * its date would close the restaurant on that day every year.
 */
function toRestaurant(r: RestaurantWithCallHandling, now: Date): AsteriskRestaurant {
  const today = toLocal(now, r.timeZone).date;
  return {
    id: r.id, slug: r.slug, name: r.name, timeZone: r.timeZone,
    callHandlingMode: r.callHandlingMode, staffRingSeconds: r.staffRingSeconds,
    transferTargetKind: r.transferTargetKind, transferTarget: r.transferTarget,
    openingHours: r.openingHours.map((h) => ({ weekday: h.weekday, opensAt: h.opensAt, closesAt: h.closesAt })),
    closures: r.closures.filter((c) => c.endDate >= today).map((c) => ({ startDate: c.startDate, endDate: c.endDate })),
  };
}

export function asteriskProvisioningService(repo: AsteriskRepository, secretBox: SecretBox) {
  return {
    async asterisk(principal: Principal | undefined, now: Date): Promise<AsteriskProvisioning> {
      const restaurantId = provisioningScope(principal);
      const lines = await repo.enabledLines(restaurantId);
      const restaurantIds = [...new Set(lines.map((l) => l.restaurantId))];
      const restaurants = await repo.restaurantsWithCallHandling(restaurantIds);
      return {
        restaurants: restaurants.map((r) => toRestaurant(r, now)),
        lines: lines.map((l) => ({
          id: l.id, restaurantId: l.restaurantId, did: l.did, label: l.label, kind: l.kind, endpointName: l.endpointName,
          port: l.port, sipUsername: l.sipUsername, sipSecret: l.sipSecretEnc === null ? null : secretBox.open(l.sipSecretEnc),
          sipServer: l.sipServer, outboundProxy: l.outboundProxy, codec: l.codec,
        })),
      };
    },

    async restaurants(principal: Principal | undefined): Promise<ProvisioningRestaurantList> {
      return { items: await repo.restaurants(provisioningScope(principal)) };
    },
  };
}
export type AsteriskProvisioningService = ReturnType<typeof asteriskProvisioningService>;
