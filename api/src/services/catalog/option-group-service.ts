// Option groups (Taille, Suppléments…) and their options.
import { AppError } from '../../errors.ts';
import type {
  MenuOptionBody, OptionGroupBody, OptionGroupDto, OptionGroupListQuery, OptionGroupPatchBody,
} from '../../contract/catalog-menu.ts';
import { optionGroupIssues, withSelectDefaults } from '../../contract/catalog-menu.ts';
import type { CatalogStore } from '../../repositories/catalog/store.ts';
import type { OptionData, OptionGroupRow } from '../../repositories/catalog/option-group-repository.ts';
import { writeChange } from './audit.ts';
import { assertNoIssues, found, iso, paged, defined, type Actor } from './common.ts';

const NOT_FOUND = "Ce groupe d'options n'existe pas";
const OPTION_NOT_FOUND = "Une des options n'existe pas dans ce groupe";

export const optionGroupDto = (r: OptionGroupRow): OptionGroupDto => ({
  id: r.id, restaurantId: r.restaurantId, name: r.name, nameEn: r.nameEn, minSelect: r.minSelect, maxSelect: r.maxSelect,
  required: r.required, sortOrder: r.sortOrder,
  options: r.options.map((o) => ({
    id: o.id, groupId: o.groupId, name: o.name, nameEn: o.nameEn, priceDeltaCents: o.priceDeltaCents, allergens: o.allergens,
    available: o.available, isDefault: o.isDefault, sortOrder: o.sortOrder,
  })),
  createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
});

// The list order is the display order unless a sortOrder is given.
const optionData = ({ id: _id, ...o }: MenuOptionBody, i: number): OptionData => ({
  ...o, allergens: o.allergens ?? [], sortOrder: o.sortOrder ?? i,
});

export function optionGroupService(store: CatalogStore) {
  const scope = (restaurantId: string, actor: Actor, name?: string) => ({
    restaurantId, actor, entityType: 'option_group', conflict: name && `Un groupe d'options « ${name} » existe déjà`,
  });
  return {
    async list(restaurantId: string, q: OptionGroupListQuery) {
      const [rows, total] = await store.optionGroups.list(restaurantId, q, q);
      return paged(rows.map(optionGroupDto), total, q);
    },

    async get(restaurantId: string, id: string): Promise<OptionGroupDto> {
      return optionGroupDto(found(await store.optionGroups.find(restaurantId, id), NOT_FOUND));
    },

    create: (restaurantId: string, body: OptionGroupBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, body.name), async (r) => {
        const { options = [], ...group } = withSelectDefaults(body);
        const after = optionGroupDto(await r.optionGroups.create(restaurantId, group, options.map(optionData)));
        return { action: 'create', entityId: after.id, after, result: after };
      }),

    /** `options`, when given, is the new full list: kept ids are updated, others deleted, id-less ones added. */
    update: (restaurantId: string, id: string, patch: OptionGroupPatchBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, patch.name), async (r) => {
        const row = found(await r.optionGroups.find(restaurantId, id), NOT_FOUND);
        const before = optionGroupDto(row);
        const required = patch.required ?? row.required;
        // Making a group required without saying how many: at least one.
        const minSelect = patch.minSelect ?? (patch.required && row.minSelect < 1 ? 1 : row.minSelect);
        const maxSelect = patch.maxSelect ?? row.maxSelect;
        assertNoIssues(optionGroupIssues({ required, minSelect, maxSelect, options: patch.options ?? row.options }));

        const { options, ...fields } = patch;
        if (options) {
          const known = new Set(row.options.map((o) => o.id));
          const keep = options.flatMap((o, i) => (o.id ? [{ ...optionData(o, i), id: o.id }] : []));
          if (keep.some((o) => !known.has(o.id))) throw new AppError('not_found', OPTION_NOT_FOUND);
          await r.optionGroups.replaceOptions(id, keep, options.flatMap((o, i) => (o.id ? [] : [optionData(o, i)])));
        }
        const after = optionGroupDto(await r.optionGroups.update(restaurantId, id, { ...defined(fields), required, minSelect, maxSelect }));
        return { action: 'update', entityId: id, before, after, result: after };
      }),

    /** Deleting a group unlinks it from every item that offered it. */
    remove: (restaurantId: string, id: string, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const before = optionGroupDto(found(await r.optionGroups.find(restaurantId, id), NOT_FOUND));
        await r.optionGroups.delete(restaurantId, id);
        return { action: 'delete', entityId: id, before, result: undefined };
      }),
  };
}
export type OptionGroupService = ReturnType<typeof optionGroupService>;
