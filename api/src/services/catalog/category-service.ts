// Menu categories.
import { AppError } from '../../errors.ts';
import type { MenuCategoryBody, MenuCategoryDto, MenuCategoryListQuery, MenuCategoryPatchBody } from '../../contract/catalog-menu.ts';
import type { CatalogStore } from '../../repositories/catalog/store.ts';
import type { CategoryRow } from '../../repositories/catalog/menu-repository.ts';
import { writeChange } from './audit.ts';
import { defined, found, iso, paged, type Actor } from './common.ts';

export const CATEGORY_NOT_FOUND = "Cette catégorie n'existe pas";

export const categoryDto = (r: CategoryRow): MenuCategoryDto => ({
  id: r.id, restaurantId: r.restaurantId, name: r.name, nameEn: r.nameEn, description: r.description,
  sortOrder: r.sortOrder, active: r.active, itemCount: r._count.items, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
});

export function categoryService(store: CatalogStore) {
  const scope = (restaurantId: string, actor: Actor, name?: string) => ({
    restaurantId, actor, entityType: 'menu_category', conflict: name && `Une catégorie « ${name} » existe déjà`,
  });
  return {
    async list(restaurantId: string, q: MenuCategoryListQuery) {
      const [rows, total] = await store.categories.list(restaurantId, q, q);
      return paged(rows.map(categoryDto), total, q);
    },

    async get(restaurantId: string, id: string): Promise<MenuCategoryDto> {
      return categoryDto(found(await store.categories.find(restaurantId, id), CATEGORY_NOT_FOUND));
    },

    create: (restaurantId: string, body: MenuCategoryBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, body.name), async (r) => {
        const after = categoryDto(await r.categories.create(restaurantId, body));
        return { action: 'create', entityId: after.id, after, result: after };
      }),

    update: (restaurantId: string, id: string, patch: MenuCategoryPatchBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, patch.name), async (r) => {
        const before = categoryDto(found(await r.categories.find(restaurantId, id), CATEGORY_NOT_FOUND));
        const after = categoryDto(await r.categories.update(restaurantId, id, defined(patch)));
        return { action: 'update', entityId: id, before, after, result: after };
      }),

    remove: (restaurantId: string, id: string, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const row = found(await r.categories.find(restaurantId, id), CATEGORY_NOT_FOUND);
        const n = row._count.items;
        if (n > 0) {
          throw new AppError('conflict',
            `La catégorie « ${row.name} » contient encore ${n} article${n > 1 ? 's' : ''} (archivés compris) : déplacez-les ou supprimez-les d'abord`);
        }
        await r.categories.delete(restaurantId, id);
        return { action: 'delete', entityId: id, before: categoryDto(row), result: undefined };
      }),
  };
}
export type CategoryService = ReturnType<typeof categoryService>;
