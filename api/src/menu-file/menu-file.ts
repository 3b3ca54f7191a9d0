// A menu file (JSON in the API's shape, or CSV) turned into the body of a menu
// import. Shared by the `voiceorder` CLI (which parses before sending) and the
// API's admin import wizard (which parses the uploaded text). CSV mistakes are
// reported all at once, each with its line.
import { CATALOG_ALLERGENS, CatalogDietaryTag } from '../contract/catalog-common.ts';
import type { MenuImportInput, MenuImportItem } from '../contract/menu-import.ts';
import { CsvError, parseCsv } from './csv.ts';

export const CSV_COLUMNS = ['category', 'name', 'price', 'description', 'allergens', 'dietary_tags', 'option_groups'] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: Column[] = ['category', 'name', 'price'];
const DIETARY_TAGS: readonly string[] = CatalogDietaryTag.options;

/** One mistake in a file; `line` is null when it is about the whole file (or a JSON file). */
export interface MenuFileProblem { line: number | null; message: string }

const problemText = (p: MenuFileProblem) => (p.line === null ? p.message : `line ${p.line}: ${p.message}`);

export class MenuFileError extends Error {
  constructor(readonly problems: MenuFileProblem[]) {
    const texts = problems.map(problemText);
    super(texts.length === 1 ? texts[0] : `${texts.length} problems:\n${texts.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'MenuFileError';
  }
}

/** The CSV line of each item, to turn the API's "categories.0.items.3" back into a line. */
export type LineMap = Map<string, number>;
export interface MenuFile { body: MenuImportInput; lines: LineMap }

/** "11,50", "11.50", "11" or "11,50 €" → 1150; null when it is not a price. */
export function parseEuros(text: string): number | null {
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s\u00a0€]/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

const splitList = (cell: string) => [...new Set(cell.split('|').map((s) => s.trim()).filter(Boolean))];

export function menuFromCsv(text: string): MenuFile {
  const records = parseCsv(text);
  const [header, ...rows] = records;
  if (!header) throw new MenuFileError([{ line: null, message: 'the file is empty: the first line must be the header ' + CSV_COLUMNS.join(',') }]);
  const problems: MenuFileProblem[] = [];
  const headerProblem = (message: string) => problems.push({ line: header.line, message });
  const at = new Map<Column, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase() as Column;
    if (!CSV_COLUMNS.includes(name)) headerProblem(`unknown column "${raw.trim()}" (columns: ${CSV_COLUMNS.join(', ')})`);
    else if (at.has(name)) headerProblem(`column "${name}" appears twice`);
    else at.set(name, i);
  });
  for (const c of REQUIRED) if (!at.has(c)) headerProblem(`the header has no "${c}" column`);
  if (problems.length) throw new MenuFileError(problems);

  const categories: { name: string; items: MenuImportItem[] }[] = [];
  const lines: LineMap = new Map();
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    const bad = (message: string) => problems.push({ line, message });
    if (fields.length !== header.fields.length) {
      bad(`${fields.length} fields where the header has ${header.fields.length} (put a text holding a comma between double quotes)`);
      continue;
    }
    const cell = (c: Column) => { const i = at.get(c); return i === undefined ? undefined : (fields[i] ?? '').trim(); };
    const category = cell('category') ?? '';
    const name = cell('name') ?? '';
    if (!category) bad('the category is empty');
    if (!name) bad('the name is empty');
    const priceText = cell('price') ?? '';
    const priceCents = parseEuros(priceText);
    if (priceCents === null) bad(`the price "${priceText}" is not a price in euros (write 11,50 or 11.50)`);
    const list = (c: 'allergens' | 'dietary_tags', known: readonly string[], what: string) => {
      const v = cell(c);
      if (v === undefined) return undefined;
      const codes = splitList(v).map((s) => s.toLowerCase());
      const unknown = codes.filter((x) => !known.includes(x));
      if (unknown.length) bad(`unknown ${what} ${unknown.map((u) => `"${u}"`).join(', ')} (use ${known.join(', ')}, separated by |)`);
      return codes;
    };
    const allergens = list('allergens', CATALOG_ALLERGENS, 'allergen');
    const dietaryTags = list('dietary_tags', DIETARY_TAGS, 'dietary tag');
    const groups = cell('option_groups');
    const description = cell('description');
    if (name && seen.has(name)) bad(`the item "${name}" is already on line ${seen.get(name)}`);
    if (!category || !name || priceCents === null) continue;
    seen.set(name, line);

    let cat = categories.find((c) => c.name === category);
    if (!cat) categories.push(cat = { name: category, items: [] });
    lines.set(`categories.${categories.indexOf(cat)}.items.${cat.items.length}`, line);
    cat.items.push({
      name, priceCents,
      ...(description === undefined ? {} : { description: description || null }),
      ...(allergens ? { allergens: allergens as NonNullable<MenuImportItem['allergens']> } : {}),
      ...(dietaryTags ? { dietaryTags: dietaryTags as NonNullable<MenuImportItem['dietaryTags']> } : {}),
      ...(groups === undefined ? {} : { optionGroups: splitList(groups) }),
    });
  }
  if (problems.length) throw new MenuFileError(problems);
  if (categories.length === 0) throw new MenuFileError([{ line: null, message: 'the file has a header but no item' }]);
  return { body: { categories }, lines };
}

export function menuFromJson(text: string): MenuFile {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new MenuFileError([{ line: null, message: `not valid JSON: ${(err as Error).message}` }]);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new MenuFileError([{ line: null, message: 'the JSON must be an object { "categories": [...], "optionGroups": [...] }' }]);
  }
  return { body: body as MenuImportInput, lines: new Map() };
}

/** JSON by extension, or by its first character when the name says nothing. */
export function parseMenuFile(fileName: string, text: string): MenuFile {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const json = ext === 'json' || (ext !== 'csv' && /^\s*[{[]/.test(text.replace(/^\uFEFF/, '')));
  try {
    return json ? menuFromJson(text) : menuFromCsv(text);
  } catch (err) {
    if (err instanceof CsvError) throw new MenuFileError([{ line: err.line, message: err.reason }]);
    throw err;
  }
}

/** The CSV line an API field path ("categories.0.items.3.priceCents") is about, when the file was a CSV. */
export function lineOfPath(path: string, lines: LineMap): number | null {
  const m = /^categories\.(\d+)\.items\.(\d+)(?:\.|$)/.exec(path);
  return m ? (lines.get(`categories.${m[1]}.items.${m[2]}`) ?? null) : null;
}

/** Rewrites the API's field paths ("categories.0.items.3.priceCents") as CSV lines. */
export function withLines(message: string, lines: LineMap): string {
  if (lines.size === 0) return message;
  return message.replace(/categories\.(\d+)\.items\.(\d+)(?:\.(\w+))?/g, (path, c: string, i: string, field?: string) => {
    const line = lines.get(`categories.${c}.items.${i}`);
    return line === undefined ? path : `line ${line}${field ? ` (${field})` : ''}`;
  });
}
