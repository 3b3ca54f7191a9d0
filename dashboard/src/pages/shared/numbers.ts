// Form inputs hold text; the API wants integers. What does not parse is sent as NaN
// (JSON null) so the API refuses it next to the field, in its own words.

/** "12" → 12; "" or "abc" → NaN. */
export const toInt = (s: string): number => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : NaN);

/** Like toInt, but an empty input means "none" (null). */
export const toIntOrNull = (s: string): number | null => (s.trim() === '' ? null : toInt(s));

export const intText = (n: number | null | undefined): string => (n == null ? '' : String(n));
