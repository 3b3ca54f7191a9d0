// Cache keys for geocoding: the same address typed or transcribed slightly
// differently ("Rue de la République" / "rue de la republique ") is one query.

export function normaliseQuery(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .trim();
}
