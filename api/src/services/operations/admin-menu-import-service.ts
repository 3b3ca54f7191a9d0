// The platform admin's import wizard: a menu file is parsed with the CLI's own
// parser, checked with the import's schema, then run through the same import
// (a dry run first). Every mistake comes back as a problem with its CSV line,
// or the entry it is about, instead of a single error.
import { AppError, isAppError } from '../../errors.ts';
import { MenuImportRequest } from '../../contract/menu-import.ts';
import type {
  AdminImportOptions, AdminMenuImportProblem, AdminMenuImportRequest, AdminMenuImportResponse, AdminMenuPhotoResponse,
} from '../../contract/operations/admin-import.ts';
import { MenuFileError, lineOfPath, parseMenuFile, type LineMap } from '../../menu-file/menu-file.ts';
import type { MenuPhoto, MenuPhotoReader } from '../../menu-file/menu-photo-reader.ts';
import type { MenuImportService } from '../provisioning/menu-import-service.ts';
import type { Actor } from '../catalog/common.ts';

export interface AdminMenuImportDeps {
  restaurantExists(id: string): Promise<boolean>;
  menuImport: MenuImportService;
  /** Null when no OpenAI key is configured: the photo import is then off. */
  photoReader: MenuPhotoReader | null;
}

const NO_PHOTO_READER = "L'import depuis une photo demande une clé OpenAI : définissez OPENAI_API_KEY dans la configuration de l'API.";

type Raw = Record<string, unknown> | undefined;
const at = (v: unknown, key: string | number): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[key] : undefined;
const nameOf = (v: unknown) => { const n = at(v, 'name'); return typeof n === 'string' && n.trim() ? n.trim() : null; };

/**
 * "categories.0.items.3.priceCents" → the entry's names ("Pizzas › Margherita")
 * and the field ("priceCents"), read from the body as it was sent.
 */
export function describePath(body: Raw, path: string): { where: string | null; field: string | null } {
  const seg = path.split('.').filter(Boolean);
  const [top, i, sub, j, field] = seg;
  if (top === 'categories' && i !== undefined) {
    const cat = at(at(body, 'categories'), Number(i));
    if (sub === 'items' && j !== undefined) {
      const item = at(at(cat, 'items'), Number(j));
      const names = [nameOf(cat), nameOf(item) ?? `plat n° ${Number(j) + 1}`].filter(Boolean).join(' › ');
      return { where: names, field: field ?? null };
    }
    return { where: nameOf(cat) ?? `catégorie n° ${Number(i) + 1}`, field: sub ?? null };
  }
  if (top === 'optionGroups' && i !== undefined) {
    const g = at(at(body, 'optionGroups'), Number(i));
    return { where: `options « ${nameOf(g) ?? `n° ${Number(i) + 1}`} »`, field: seg.slice(2).join('.') || null };
  }
  return { where: null, field: path || null };
}

function problemsOfFields(fields: { path: string; message: string }[], body: Raw, lines: LineMap): AdminMenuImportProblem[] {
  return fields.map((f) => ({ line: lineOfPath(f.path, lines), ...describePath(body, f.path), message: f.message }));
}

const fieldsOf = (e: AppError): { path: string; message: string }[] => {
  const fields = at(e.details, 'fields');
  return Array.isArray(fields) ? (fields as { path: string; message: string }[]) : [{ path: '', message: e.message }];
};

export function adminMenuImportService(deps: AdminMenuImportDeps) {
  async function requireRestaurant(id: string) {
    if (!(await deps.restaurantExists(id))) throw new AppError('not_found', 'Restaurant introuvable');
  }

  function photoReader(): MenuPhotoReader {
    if (!deps.photoReader) throw new AppError('feature_unavailable', NO_PHOTO_READER);
    return deps.photoReader;
  }

  return {
    options: (): AdminImportOptions => ({ photo: { available: deps.photoReader !== null } }),
    assertPhotoImport: (): void => { photoReader(); },

    async importFile(restaurantId: string, req: AdminMenuImportRequest, actor: Actor): Promise<AdminMenuImportResponse> {
      await requireRestaurant(restaurantId);
      let parsed;
      try {
        parsed = parseMenuFile(req.format === 'csv' ? 'menu.csv' : 'menu.json', req.text);
      } catch (e) {
        if (!(e instanceof MenuFileError)) throw e;
        return { problems: e.problems.map((p) => ({ line: p.line, where: null, field: null, message: p.message })), result: null };
      }
      const raw = parsed.body as Raw;
      const checked = MenuImportRequest.safeParse({ ...parsed.body, dryRun: req.dryRun });
      if (!checked.success) {
        const fields = checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        return { problems: problemsOfFields(fields, raw, parsed.lines), result: null };
      }
      try {
        return { problems: [], result: await deps.menuImport.import(restaurantId, checked.data, actor) };
      } catch (e) {
        // Rules checked against the restaurant's data (an option group it does not have) are problems of the file too.
        if (isAppError(e) && e.code === 'validation_failed') return { problems: problemsOfFields(fieldsOf(e), raw, parsed.lines), result: null };
        throw e;
      }
    },

    async readPhoto(restaurantId: string, photo: MenuPhoto): Promise<AdminMenuPhotoResponse> {
      const reader = photoReader();
      await requireRestaurant(restaurantId);
      const menu = await reader.read(photo);
      const categories = menu.categories
        .map((c) => ({ name: c.name.trim(), items: c.items.filter((i) => i.name.trim()).map((i) => ({ ...i, name: i.name.trim() })) }))
        .filter((c) => c.name && c.items.length > 0);
      if (categories.length === 0) throw new AppError('photo_unreadable', 'Aucun plat lisible sur cette photo : essayez une photo plus nette, prise de face');
      return { menu: { categories }, model: reader.model };
    },
  };
}
export type AdminMenuImportService = ReturnType<typeof adminMenuImportService>;
