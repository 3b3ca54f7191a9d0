import type { AdminMenuPhotoResponse } from '../../../../../api/src/contract/index.ts';

/** JSON by extension, or by its first character when the name says nothing (as the CLI decides). */
export function formatOf(fileName: string, text: string): 'csv' | 'json' {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  return /^\s*[{[]/.test(text.replace(/^\uFEFF/, '')) ? 'json' : 'csv';
}

/** A menu read from a photo, as the JSON file the admin can correct before the dry run. */
export const photoMenuText = (menu: AdminMenuPhotoResponse['menu']) => JSON.stringify(menu, null, 2);

export function photoSummary(menu: AdminMenuPhotoResponse['menu']) {
  const items = menu.categories.flatMap((c) => c.items);
  return { categories: menu.categories.length, items: items.length, unpriced: items.filter((i) => i.priceCents === null).length };
}
