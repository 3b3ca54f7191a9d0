import { AppError } from '../../errors.ts';
import type { Restaurant } from '../../generated/prisma/client.ts';
import type { SettingsRepository } from '../../repositories/operations/settings-repository.ts';
import { transferTargetProblem, type RestaurantSettings, type RestaurantSettingsUpdate } from '../../contract/operations.ts';
import { requireE164 } from './phone.ts';

export function toSettings(r: Restaurant): RestaurantSettings {
  return {
    id: r.id, slug: r.slug, name: r.name, legalName: r.legalName, phone: r.phone, email: r.email,
    addressLine1: r.addressLine1, addressLine2: r.addressLine2, postcode: r.postcode, city: r.city, countryCode: r.countryCode,
    latitude: r.latitude, longitude: r.longitude, timeZone: r.timeZone, locale: r.locale, currency: r.currency,
    acceptsPickup: r.acceptsPickup, acceptsDelivery: r.acceptsDelivery, acceptsDineIn: r.acceptsDineIn,
    acceptsReservations: r.acceptsReservations, prepLeadMinutes: r.prepLeadMinutes,
    kitchenSlotMaxOrders: r.kitchenSlotMaxOrders, kitchenSlotMaxItems: r.kitchenSlotMaxItems,
    platformCommissionBp: r.platformCommissionBp, aiVoice: r.aiVoice, aiLanguage: r.aiLanguage, aiGreeting: r.aiGreeting,
    aiPersonaNotes: r.aiPersonaNotes, aiMaxCallMs: r.aiMaxCallMs, aiModel: r.aiModel, callHandlingMode: r.callHandlingMode,
    staffRingSeconds: r.staffRingSeconds, transferTargetKind: r.transferTargetKind, transferTarget: r.transferTarget,
    transferTimeoutMs: r.transferTimeoutMs,
  };
}

export function settingsService(repo: SettingsRepository) {
  async function get(restaurantId: string): Promise<Restaurant> {
    const r = await repo.find(restaurantId);
    if (!r) throw new AppError('not_found', 'Restaurant introuvable');
    return r;
  }

  return {
    async get(restaurantId: string): Promise<RestaurantSettings> {
      return toSettings(await get(restaurantId));
    },

    async update(restaurantId: string, body: RestaurantSettingsUpdate): Promise<RestaurantSettings> {
      const current = await get(restaurantId);
      const phone = body.phone ? requireE164(body.phone, 'phone') : body.phone;
      // The kind may change alone, so the pair is checked as it will be stored.
      const kind = body.transferTargetKind === undefined ? current.transferTargetKind : body.transferTargetKind;
      let target = body.transferTarget === undefined ? current.transferTarget : body.transferTarget;
      if (kind === 'number' && target) target = requireE164(target, 'transferTarget');
      const problem = transferTargetProblem(kind, target);
      if (problem) {
        throw new AppError('validation_failed', `Invalid request: transferTarget: ${problem}`, { fields: [{ path: 'transferTarget', message: problem }] });
      }
      if ((body.latitude === null) !== (body.longitude === null) && body.latitude !== undefined && body.longitude !== undefined) {
        throw new AppError('validation_failed', 'Invalid request: latitude and longitude go together', {
          fields: [{ path: 'latitude', message: 'latitude and longitude go together' }],
        });
      }
      const updated = await repo.update(restaurantId, {
        ...body,
        ...(phone === undefined ? {} : { phone }),
        ...(body.transferTarget === undefined && body.transferTargetKind === undefined ? {} : { transferTarget: target }),
      });
      return toSettings(updated);
    },
  };
}
export type SettingsService = ReturnType<typeof settingsService>;
