// Imports a whole menu (from the `voiceorder` CLI) in one transaction: option
// groups and categories are upserted by name, items created or updated by
// name, and nothing absent from the file is deleted. A dry run walks the same
// path without writing, so it reports exactly what the import would do.
import { AppError } from '../../errors.ts';
import type { MenuImportChange, MenuImportCounts, MenuImportRequest, MenuImportResult } from '../../contract/menu-import.ts';
import { withSelectDefaults } from '../../contract/catalog-menu.ts';
import {
  isUniqueViolation, type MenuImportRepos, type MenuImportRepository,
} from '../../repositories/provisioning/menu-import-repository.ts';
import { categoryDto } from '../catalog/category-service.ts';
import { itemDto } from '../catalog/item-service.ts';
import { optionGroupDto } from '../catalog/option-group-service.ts';
import { assertNoIssues, type Actor } from '../catalog/common.ts';
import { groupChange, itemChangedFields, unknownGroupIssues, type ItemWanted } from './menu-import-plan.ts';

// A menu is a few hundred rows at most: one page holds all of it.
const ALL = { page: 1, pageSize: 100_000 };
const CONCURRENT_CHANGE = "Le menu a été modifié pendant l'import : relancez-le";

type Entity = MenuImportChange['entity'];
const ENTITY_TYPE: Record<Entity, string> = { category: 'menu_category', optionGroup: 'option_group', item: 'menu_item' };
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as object;

async function snapshot(r: MenuImportRepos, restaurantId: string) {
  const [[categories], [groups], [items], [archived]] = await Promise.all([
    r.categories.list(restaurantId, {}, ALL),
    r.optionGroups.list(restaurantId, {}, ALL),
    r.items.list(restaurantId, { archived: false }, ALL),
    r.items.list(restaurantId, { archived: true }, ALL),
  ]);
  return {
    categories: new Map(categories.map((c) => [c.name, c])),
    groups: new Map(groups.map((g) => [g.name, g])),
    items: new Map([...items, ...archived].map((i) => [i.name, i])),
  };
}

export function menuImportService(store: MenuImportRepository) {
  async function run(r: MenuImportRepos, restaurantId: string, body: MenuImportRequest, actor: Actor): Promise<MenuImportResult> {
    const write = !body.dryRun;
    const have = await snapshot(r, restaurantId);
    const fileGroups = body.optionGroups ?? [];
    assertNoIssues(unknownGroupIssues(body.categories, new Set([...have.groups.keys(), ...fileGroups.map((g) => g.name)])));

    const counts = { category: zero(), optionGroup: zero(), item: zero() };
    const changes: MenuImportChange[] = [];
    const record = async (entity: Entity, action: 'create' | 'update' | null, name: string, fields: string[] = [],
      audit?: { entityId: string; before?: unknown; after: unknown }) => {
      if (action === null) { counts[entity].unchanged++; return; }
      counts[entity][action === 'create' ? 'created' : 'updated']++;
      changes.push({ entity, action, name, fields });
      if (audit) {
        await r.audit.write({
          restaurantId, userId: actor.userId, action, entityType: ENTITY_TYPE[entity], entityId: audit.entityId,
          before: audit.before === undefined ? undefined : json(audit.before), after: json(audit.after),
        });
      }
    };
    // In a dry run, what would be created has no id yet: a stand-in keeps the comparisons right.
    const pending = (name: string) => `(new) ${name}`;

    const groupIds = new Map([...have.groups].map(([name, g]) => [name, g.id]));
    let groupOrder = have.groups.size;
    for (const g of fileGroups) {
      const row = have.groups.get(g.name);
      const options = (keep: Map<string, string>) => g.options.map((o, i) => ({ id: keep.get(o.name), name: o.name, priceDeltaCents: o.priceDeltaCents, sortOrder: i }));
      if (!row) {
        const c = withSelectDefaults(g);
        if (!write) { groupIds.set(g.name, pending(g.name)); await record('optionGroup', 'create', g.name); continue; }
        const created = await r.optionGroups.create(restaurantId,
          { name: g.name, minSelect: c.minSelect, maxSelect: c.maxSelect, required: c.required, sortOrder: groupOrder++ },
          options(new Map()).map(({ id: _id, ...o }) => o));
        groupIds.set(g.name, created.id);
        await record('optionGroup', 'create', g.name, [], { entityId: created.id, after: optionGroupDto(created) });
        continue;
      }
      const c = groupChange(row, g);
      if (c.fields.length === 0) { await record('optionGroup', null, g.name); continue; }
      if (!write) { await record('optionGroup', 'update', g.name, c.fields); continue; }
      if (c.fields.includes('options')) {
        const all = options(new Map(row.options.map((o) => [o.name, o.id])));
        await r.optionGroups.replaceOptions(row.id,
          all.flatMap(({ id, ...o }) => (id ? [{ ...o, id }] : [])), all.flatMap(({ id, ...o }) => (id ? [] : [o])));
      }
      const after = await r.optionGroups.update(restaurantId, row.id, { minSelect: c.minSelect, maxSelect: c.maxSelect, required: c.required });
      await record('optionGroup', 'update', g.name, c.fields, { entityId: row.id, before: optionGroupDto(row), after: optionGroupDto(after) });
    }

    let categoryOrder = have.categories.size;
    for (const cat of body.categories) {
      let categoryId = have.categories.get(cat.name)?.id;
      if (categoryId) await record('category', null, cat.name);
      else if (!write) { categoryId = pending(cat.name); await record('category', 'create', cat.name); }
      else {
        const created = await r.categories.create(restaurantId, { name: cat.name, sortOrder: categoryOrder++ });
        categoryId = created.id;
        await record('category', 'create', cat.name, [], { entityId: created.id, after: categoryDto(created) });
      }

      for (const [ii, it] of cat.items.entries()) {
        const want: ItemWanted = {
          categoryId, priceCents: it.priceCents, description: it.description, allergens: it.allergens, dietaryTags: it.dietaryTags,
          optionGroupIds: it.optionGroups?.map((name) => groupIds.get(name) ?? pending(name)),
        };
        const row = have.items.get(it.name);
        if (!row) {
          if (!write) { await record('item', 'create', it.name); continue; }
          const created = await r.items.create(restaurantId, {
            categoryId, name: it.name, priceCents: it.priceCents, description: it.description ?? null,
            allergens: it.allergens ?? [], dietaryTags: it.dietaryTags ?? [], sortOrder: ii,
          }, want.optionGroupIds ?? []);
          await record('item', 'create', it.name, [], { entityId: created.id, after: itemDto(created) });
          continue;
        }
        const fields = itemChangedFields(row, want);
        if (fields.length === 0) { await record('item', null, it.name); continue; }
        if (!write) { await record('item', 'update', it.name, fields); continue; }
        const after = await r.items.update(restaurantId, row.id, {
          categoryId, priceCents: it.priceCents, archived: false,
          ...(it.description === undefined ? {} : { description: it.description }),
          ...(it.allergens ? { allergens: it.allergens } : {}),
          ...(it.dietaryTags ? { dietaryTags: it.dietaryTags } : {}),
        }, fields.includes('optionGroups') ? want.optionGroupIds : undefined);
        await record('item', 'update', it.name, fields, { entityId: row.id, before: itemDto(row), after: itemDto(after) });
      }
    }
    return { dryRun: body.dryRun, categories: counts.category, optionGroups: counts.optionGroup, items: counts.item, changes };
  }

  return {
    async import(restaurantId: string, body: MenuImportRequest, actor: Actor): Promise<MenuImportResult> {
      try {
        return await store.transaction((r) => run(r, restaurantId, body, actor));
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('conflict', CONCURRENT_CHANGE);
        throw e;
      }
    },
  };
}
export type MenuImportService = ReturnType<typeof menuImportService>;

function zero(): MenuImportCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}
