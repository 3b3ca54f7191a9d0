// /restaurants/:restaurantId/menu/…: categories, items, option groups, formulas.
import {
  FormulaBody, FormulaDto, FormulaListQuery, FormulaPage, FormulaPatchBody,
  MenuCategoryBody, MenuCategoryDto, MenuCategoryListQuery, MenuCategoryPage, MenuCategoryPatchBody,
  MenuItemAvailabilityBody, MenuItemBody, MenuItemDto, MenuItemListQuery, MenuItemPage, MenuItemPatchBody,
  OptionGroupBody, OptionGroupDto, OptionGroupListQuery, OptionGroupPage, OptionGroupPatchBody,
} from '../../../contract/catalog.ts';
import type { CatalogStore } from '../../../repositories/catalog/store.ts';
import { categoryService } from '../../../services/catalog/category-service.ts';
import { formulaService } from '../../../services/catalog/formula-service.ts';
import { itemService } from '../../../services/catalog/item-service.ts';
import { optionGroupService } from '../../../services/catalog/option-group-service.ts';
import { actorOf } from '../../../services/catalog/common.ts';
import { route, type AnyRouteSpec } from '../../route.ts';
import { crudRoutes, EntityParams } from './crud.ts';

export function menuRoutes(store: CatalogStore): AnyRouteSpec[] {
  const items = itemService(store);
  const tag = 'menu';
  return [
    ...crudRoutes({
      path: '/menu/categories', tag, noun: 'a menu category', service: categoryService(store),
      query: MenuCategoryListQuery, body: MenuCategoryBody, patch: MenuCategoryPatchBody, dto: MenuCategoryDto, page: MenuCategoryPage,
      deleteSummary: 'Delete a menu category; refused (409) while it still holds items, archived ones included',
    }),
    ...crudRoutes({
      path: '/menu/items', tag, noun: 'a menu item', service: items,
      query: MenuItemListQuery, body: MenuItemBody, patch: MenuItemPatchBody, dto: MenuItemDto, page: MenuItemPage,
      deleteSummary: 'Delete a menu item; an item already in past orders is archived instead (archived=true), '
        + 'and an item offered in a formula is refused (409)',
    }),
    route({
      method: 'patch', path: '/restaurants/:restaurantId/menu/items/:id/availability', tag, access: 'user', minRole: 'staff',
      summary: 'Mark a menu item sold out (available=false) or back on the menu; staff may do it',
      params: EntityParams, body: MenuItemAvailabilityBody, response: MenuItemDto,
      handler: ({ params, body, principal }) => items.setAvailability(params.restaurantId, params.id, body.available, actorOf(principal)),
    }),
    ...crudRoutes({
      path: '/menu/option-groups', tag, noun: 'an option group', service: optionGroupService(store),
      query: OptionGroupListQuery, body: OptionGroupBody, patch: OptionGroupPatchBody, dto: OptionGroupDto, page: OptionGroupPage,
      deleteSummary: 'Delete an option group and its options; items that offered it simply lose it',
    }),
    ...crudRoutes({
      path: '/menu/formulas', tag, noun: 'a formula', service: formulaService(store),
      query: FormulaListQuery, body: FormulaBody, patch: FormulaPatchBody, dto: FormulaDto, page: FormulaPage,
      deleteSummary: 'Delete a formula; refused (409) while an offer is built on it',
    }),
  ];
}
