/**
 * The FAQ dedup key: lowercase, accents stripped, anything not a letter or digit
 * collapsed to one space. "Où se garer ?" and "ou se garer" are the same question,
 * so the agent's log_unknown_question counts a repeat instead of adding a row.
 */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
