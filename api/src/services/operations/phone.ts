import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { AppError } from '../../errors.ts';

/** E.164 of a number typed any way ("06 12 34 56 78", "+33 6…"), French by default; null when it is not a valid number. */
export function toE164(text: string): string | null {
  const p = parsePhoneNumberFromString(text, 'FR');
  return p?.isValid() ? p.number : null;
}

/** E.164 or a 400 naming the field, like a zod error would. */
export function requireE164(text: string, field: string): string {
  const e164 = toE164(text);
  if (!e164) {
    throw new AppError('validation_failed', `Numéro de téléphone invalide : ${text}`, {
      fields: [{ path: field, message: 'not a valid phone number' }],
    });
  }
  return e164;
}
