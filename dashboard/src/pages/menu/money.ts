/** "12,50" or "12.5" → 1250; anything else → NaN, which the API then refuses next to the field. */
export function parseEuros(text: string): number {
  const t = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(t)) return NaN;
  return Math.round(Number(t) * 100);
}

export const centsToInput = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** An optional amount: empty means none (null). */
export const parseEurosOrNull = (text: string): number | null => (text.trim() === '' ? null : parseEuros(text));
