// `voiceorder restaurant import FILE`: a restaurant's menu from a JSON or CSV
// file, through the API's provisioning route with the CLI's token.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { MenuImportCounts, MenuImportResult } from '../../../api/src/contract/menu-import.ts';
import { CATALOG_ALLERGENS, CatalogDietaryTag } from '../../../api/src/contract/catalog-common.ts';
import type { CliConfig } from '../config.ts';
import { apiClient, CliError } from '../api-client.ts';
import { CSV_COLUMNS, MenuFileError, parseMenuFile, withLines } from '../../../api/src/menu-file/menu-file.ts';
import { restaurantId } from './lines.ts';
import type { Io } from './io.ts';

const IMPORT_HELP = `
Items, categories and option groups are matched by name: importing the same
file again changes nothing, and nothing missing from the file is deleted.

CSV (comma-separated, or ";" as French spreadsheets export), one item a line:
  ${CSV_COLUMNS.join(',')}
  Pizzas,Margherita,"11,50","Tomate, mozzarella",gluten|milk,vegetarian,Taille
  category, name, price      required; the other columns are optional
  price                      euros, "11,50" or 11.50 (quote a comma decimal)
  allergens                  EU-14 codes separated by |: ${CATALOG_ALLERGENS.join(', ')}
  dietary_tags               separated by |: ${CatalogDietaryTag.options.join(', ')}
  option_groups              names of option groups the restaurant already has, separated by |
  A field holding a comma, a quote or a line break goes between double quotes ("" for a quote).
  An empty cell clears the field; a column left out leaves it as it is.

JSON, the API's shape (prices in cents), which can also define option groups:
  { "categories": [{ "name": "Pizzas", "items": [{ "name": "Margherita", "priceCents": 1150,
      "description": "…", "allergens": ["gluten", "milk"], "dietaryTags": ["vegetarian"], "optionGroups": ["Taille"] }] }],
    "optionGroups": [{ "name": "Taille", "minSelect": 1, "maxSelect": 1, "required": true,
      "options": [{ "name": "Normale", "priceDeltaCents": 0 }, { "name": "Grande", "priceDeltaCents": 400 }] }] }
  An option group's "options" is its full list: options it leaves out are removed.`;

const counts = (label: string, c: MenuImportCounts) =>
  `${label.padEnd(14)} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;

const ENTITY = { category: 'category', optionGroup: 'option group', item: 'item' } as const;

export function formatImport(r: MenuImportResult): string[] {
  return [
    r.dryRun ? 'Dry run: nothing was written. The import would give:' : 'Imported:',
    counts('categories', r.categories),
    counts('option groups', r.optionGroups),
    counts('items', r.items),
    ...r.changes.map((c) => `  ${c.action === 'create' ? '+' : '~'} ${ENTITY[c.entity]} "${c.name}"${c.fields.length ? ` (${c.fields.join(', ')})` : ''}`),
  ];
}

export function restaurantCommands(program: Command, config: CliConfig, io: Io): void {
  const restaurant = program.command('restaurant').description("a restaurant's data: import its menu")
    .option('--api <url>', 'API base URL (VOICEORDER_API_URL)', config.apiUrl);

  restaurant.command('import').description('import a menu from a JSON or CSV file (see the formats below)')
    .argument('<file>', 'the menu file, .json or .csv')
    .requiredOption('-r, --restaurant <slug>', 'restaurant slug or id')
    .option('--dry-run', 'print what would change, writing nothing')
    .addHelpText('after', IMPORT_HELP)
    .action(async (file: string, f: { restaurant: string; dryRun?: boolean }) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
      }
      let menu;
      try {
        menu = parseMenuFile(file, text);
      } catch (err) {
        if (err instanceof MenuFileError) throw new CliError(`${file}: ${err.message}`);
        throw err;
      }
      const c = apiClient((restaurant.opts() as { api: string }).api, config.apiToken);
      const id = await restaurantId(c, f.restaurant);
      let result: MenuImportResult;
      try {
        result = await c.request<MenuImportResult>('POST', `/provisioning/restaurants/${encodeURIComponent(id)}/menu/import`,
          { ...menu.body, dryRun: f.dryRun === true });
      } catch (err) {
        if (err instanceof CliError) throw new CliError(`${file}: ${withLines(err.message, menu.lines)}`);
        throw err;
      }
      for (const l of formatImport(result)) io.out(l);
    });
}
