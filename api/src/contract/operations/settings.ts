import { z } from 'zod';
import { Id, Locale } from '../common.ts';
import { EndpointName } from './phone-lines.ts';
import { E164 } from './paging.ts';

export const AI_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar'] as const;
export const AiVoice = z.enum(AI_VOICES);

/** An IANA zone this runtime knows, e.g. "Europe/Paris". */
export const TimeZoneName = z.string().min(1).max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Europe/Paris');

/** One flat object, so a validation error names the very field of the form. */
export const RestaurantSettings = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  legalName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  postcode: z.string(),
  city: z.string(),
  countryCode: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  timeZone: z.string(),
  locale: Locale,
  currency: z.string(),
  acceptsPickup: z.boolean(),
  acceptsDelivery: z.boolean(),
  acceptsDineIn: z.boolean(),
  acceptsReservations: z.boolean(),
  prepLeadMinutes: z.number().int(),
  kitchenSlotMaxOrders: z.number().int().nullable(),
  kitchenSlotMaxItems: z.number().int().nullable(),
  platformCommissionBp: z.number().int(),
  aiVoice: z.string(),
  aiLanguage: Locale,
  aiGreeting: z.string().nullable(),
  aiPersonaNotes: z.string().nullable(),
  aiMaxCallMs: z.number().int(),
  aiModel: z.string(),
  callHandlingMode: z.enum(['ai_all', 'staff_first', 'ai_outside_hours']),
  staffRingSeconds: z.number().int(),
  transferTargetKind: z.enum(['endpoint', 'number']).nullable(),
  transferTarget: z.string().nullable(),
  transferTimeoutMs: z.number().int(),
});
export type RestaurantSettings = z.infer<typeof RestaurantSettings>;

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Every field optional. `phone` is normalised to E.164; `transferTarget` must
 * be an endpoint name when `transferTargetKind` is "endpoint" and an E.164
 * number when it is "number" (checked against the stored kind when omitted).
 */
export const RestaurantSettingsUpdate = z.object({
  name: text(120),
  legalName: text(200).nullable(),
  phone: z.string().trim().min(4).max(40).nullable(),
  email: z.string().trim().toLowerCase().email().max(200).nullable(),
  addressLine1: text(200),
  addressLine2: text(200).nullable(),
  postcode: text(12),
  city: text(100),
  countryCode: z.string().trim().length(2).toUpperCase(),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  timeZone: TimeZoneName,
  locale: Locale,
  acceptsPickup: z.boolean(),
  acceptsDelivery: z.boolean(),
  acceptsDineIn: z.boolean(),
  acceptsReservations: z.boolean(),
  prepLeadMinutes: z.number().int().min(0).max(24 * 60),
  kitchenSlotMaxOrders: z.number().int().min(1).max(1000).nullable(),
  kitchenSlotMaxItems: z.number().int().min(1).max(10000).nullable(),
  platformCommissionBp: z.number().int().min(0).max(10_000),
  aiVoice: AiVoice,
  aiLanguage: Locale,
  aiGreeting: z.string().trim().max(500).nullable(),
  aiPersonaNotes: z.string().trim().max(2000).nullable(),
  aiMaxCallMs: z.number().int().min(60_000).max(1_800_000),
  aiModel: text(100),
  callHandlingMode: z.enum(['ai_all', 'staff_first', 'ai_outside_hours']),
  staffRingSeconds: z.number().int().min(5).max(120),
  transferTargetKind: z.enum(['endpoint', 'number']).nullable(),
  transferTarget: z.string().trim().min(1).max(64).nullable(),
  transferTimeoutMs: z.number().int().min(5000).max(60_000),
}).partial();
export type RestaurantSettingsUpdate = z.infer<typeof RestaurantSettingsUpdate>;

/** Whether a transfer target fits its kind; the message names what is expected. */
export function transferTargetProblem(kind: 'endpoint' | 'number' | null, target: string | null): string | null {
  if (target === null) return null;
  if (kind === null) return 'set transferTargetKind (endpoint or number) with a transfer target';
  const schema = kind === 'endpoint' ? EndpointName : E164;
  const r = schema.safeParse(target);
  return r.success ? null : (r.error.issues[0]?.message ?? 'invalid');
}
