// Menu items: the dishes a caller can order.
import { AppError } from '../../errors.ts';
import type { MenuItemBody, MenuItemDto, MenuItemListQuery, MenuItemPatchBody } from '../../contract/catalog-menu.ts';
import type { CatalogRepos, CatalogStore } from '../../repositories/catalog/store.ts';
import type { ItemRow } from '../../repositories/catalog/menu-repository.ts';
import { writeChange } from './audit.ts';
import { CATEGORY_NOT_FOUND } from './category-service.ts';
import { assertOwned, defined, found, iso, paged, type Actor } from './common.ts';

export const ITEM_NOT_FOUND = "Cet article n'existe pas";
const GROUP_NOT_FOUND = "Un des groupes d'options n'existe pas";

export const itemDto = (r: ItemRow): MenuItemDto => ({
  id: r.id, restaurantId: r.restaurantId, categoryId: r.categoryId, name: r.name, nameEn: r.nameEn,
  description: r.description, descriptionEn: r.descriptionEn, priceCents: r.priceCents,
  allergens: r.allergens, dietaryTags: r.dietaryTags, available: r.available, archived: r.archived,
  sortOrder: r.sortOrder, prepMinutes: r.prepMinutes, imageUrl: r.imageUrl,
  optionGroupIds: r.optionGroups.map((g) => g.groupId),
  createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
});

async function checkRefs(r: CatalogRepos, restaurantId: string, v: { categoryId?: string | undefined; optionGroupIds?: string[] | undefined }) {
  if (v.categoryId) await assertOwned(r, 'category', restaurantId, [v.categoryId], CATEGORY_NOT_FOUND);
  if (v.optionGroupIds) await assertOwned(r, 'optionGroup', restaurantId, v.optionGroupIds, GROUP_NOT_FOUND);
}

export function itemService(store: CatalogStore) {
  const scope = (restaurantId: string, actor: Actor, name?: string) => ({
    restaurantId, actor, entityType: 'menu_item', conflict: name && `Un article « ${name} » existe déjà`,
  });
  const update = (restaurantId: string, id: string, patch: MenuItemPatchBody, actor: Actor) =>
    writeChange(store, scope(restaurantId, actor, patch.name), async (r) => {
      const before = itemDto(found(await r.items.find(restaurantId, id), ITEM_NOT_FOUND));
      await checkRefs(r, restaurantId, patch);
      const { optionGroupIds, ...fields } = patch;
      const after = itemDto(await r.items.update(restaurantId, id, defined(fields), optionGroupIds));
      return { action: 'update', entityId: id, before, after, result: after };
    });

  return {
    async list(restaurantId: string, q: MenuItemListQuery) {
      const [rows, total] = await store.items.list(restaurantId, q, q);
      return paged(rows.map(itemDto), total, q);
    },

    async get(restaurantId: string, id: string): Promise<MenuItemDto> {
      return itemDto(found(await store.items.find(restaurantId, id), ITEM_NOT_FOUND));
    },

    create: (restaurantId: string, body: MenuItemBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, body.name), async (r) => {
        await checkRefs(r, restaurantId, body);
        // An archived item keeps its name taken; say so rather than a bare "exists".
        const same = await r.items.findByName(restaurantId, body.name);
        if (same?.archived) {
          throw new AppError('conflict', `Un article archivé « ${body.name} » existe déjà : désarchivez-le (archived: false) ou choisissez un autre nom`, { id: same.id });
        }
        const { optionGroupIds = [], ...fields } = body;
        const after = itemDto(await r.items.create(restaurantId, {
          ...fields, allergens: fields.allergens ?? [], dietaryTags: fields.dietaryTags ?? [],
        }, optionGroupIds));
        return { action: 'create', entityId: after.id, after, result: after };
      }),

    update,

    /** The "sold out today" switch. */
    setAvailability: (restaurantId: string, id: string, available: boolean, actor: Actor) =>
      update(restaurantId, id, { available }, actor),

    /**
     * Deletes the item, or archives it when past orders point at it, so the
     * order history keeps its link. An item still offered in a formula is refused.
     */
    remove: (restaurantId: string, id: string, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const before = itemDto(found(await r.items.find(restaurantId, id), ITEM_NOT_FOUND));
        const formula = await r.items.formulaUsing(restaurantId, id);
        if (formula) {
          throw new AppError('conflict', `L'article « ${before.name} » fait partie de la formule « ${formula.name} » : retirez-le de la formule d'abord`);
        }
        if (await r.items.countOrderLines(restaurantId, id) > 0) {
          const after = itemDto(await r.items.update(restaurantId, id, { archived: true, available: false }));
          return { action: 'delete', entityId: id, before, after, result: undefined };
        }
        await r.items.delete(restaurantId, id);
        return { action: 'delete', entityId: id, before, result: undefined };
      }),
  };
}
export type ItemService = ReturnType<typeof itemService>;
