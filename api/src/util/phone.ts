// Phone numbers are stored in E.164. Callers and restaurateurs type them in
// French national form ("06 12 34 56 78"), so France is the default country.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export function toE164(input: string | null | undefined, defaultCountry: 'FR' = 'FR'): string | null {
  if (!input) return null;
  const p = parsePhoneNumberFromString(input.trim(), defaultCountry);
  return p?.isValid() ? p.number : null;
}
