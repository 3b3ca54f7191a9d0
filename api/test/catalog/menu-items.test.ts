import t from 'tap';
import { catalogFixture, fieldPaths, type FieldError } from './setup.ts';
import type { MenuCategoryDto, MenuItemDto, MenuItemPage } from '../../src/contract/index.ts';

const f = await catalogFixture(t);
const { owner, staff, base, prisma } = f;
const categoryId = (await prisma.menuCategory.findFirstOrThrow({ where: { restaurantId: f.restaurantId, name: 'Pizzas rouges' } })).id;
const tailleId = (await prisma.optionGroup.findFirstOrThrow({ where: { restaurantId: f.restaurantId, name: 'Taille' } })).id;

t.test('a restaurateur adds a pizza, marks it sold out, renames it and deletes it', async (t) => {
  const created = await owner.post<MenuItemDto>(`${base}/menu/items`, {
    categoryId, name: 'Pizza Truffe', nameEn: 'Truffle pizza', priceCents: 1690,
    allergens: ['gluten', 'milk'], dietaryTags: ['vegetarian'], optionGroupIds: [tailleId], prepMinutes: 12,
  });
  t.equal(created.status, 201);
  const pizza = created.body;
  t.match(pizza, { name: 'Pizza Truffe', priceCents: 1690, categoryId, available: true, archived: false, optionGroupIds: [tailleId] });
  t.same(pizza.allergens, ['gluten', 'milk']);
  t.match(pizza.createdAt, /^\d{4}-\d{2}-\d{2}T.*Z$/);

  t.same((await owner.get<MenuItemDto>(`${base}/menu/items/${pizza.id}`)).body, pizza, 'reads back the same');
  const found = await owner.get<MenuItemPage>(`${base}/menu/items?categoryId=${categoryId}&q=truffe`);
  t.same(found.body.items.map((i) => i.id), [pizza.id], 'search by name within the category');

  const soldOut = await owner.patch<MenuItemDto>(`${base}/menu/items/${pizza.id}/availability`, { available: false });
  t.equal(soldOut.status, 200);
  t.equal(soldOut.body.available, false);
  const unavailable = await owner.get<MenuItemPage>(`${base}/menu/items?available=false&pageSize=200`);
  t.ok(unavailable.body.items.some((i) => i.id === pizza.id), 'listed among sold-out items');

  const renamed = await owner.patch<MenuItemDto>(`${base}/menu/items/${pizza.id}`, { name: 'Pizza Truffe Noire', description: 'Crème de truffe' });
  t.equal(renamed.body.name, 'Pizza Truffe Noire');
  t.equal(renamed.body.priceCents, 1690, 'fields not sent are unchanged');
  t.same(renamed.body.optionGroupIds, [tailleId]);

  t.equal((await owner.del(`${base}/menu/items/${pizza.id}`)).status, 204);
  t.equal((await owner.get(`${base}/menu/items/${pizza.id}`)).status, 404, 'gone: it was never ordered');

  const audit = await prisma.auditLog.findMany({ where: { entityId: pizza.id }, orderBy: { createdAt: 'asc' } });
  t.same(audit.map((a) => a.action), ['create', 'update', 'update', 'delete']);
  t.ok(audit.every((a) => a.entityType === 'menu_item' && a.userId && a.restaurantId === f.restaurantId));
  t.match(audit[2]?.before, { name: 'Pizza Truffe' });
  t.match(audit[2]?.after, { name: 'Pizza Truffe Noire' });
});

t.test('bad input is refused with the field and the reason', async (t) => {
  const negative = await owner.post<FieldError>(`${base}/menu/items`, { categoryId, name: 'Gratuite', priceCents: -100 });
  t.equal(negative.status, 400);
  t.same(fieldPaths(negative.body), ['priceCents']);
  const fractional = await owner.post(`${base}/menu/items`, { categoryId, name: 'Gratuite', priceCents: 9.5 });
  t.same(fieldPaths(fractional.body), ['priceCents']);
  const allergen = await owner.post(`${base}/menu/items`, { categoryId, name: 'X', priceCents: 100, allergens: ['gluten', 'pollen'] });
  t.same(fieldPaths(allergen.body), ['allergens.1']);
  const twice = await owner.post(`${base}/menu/items`, { categoryId, name: 'X', priceCents: 100, allergens: ['milk', 'milk'] });
  t.same(fieldPaths(twice.body), ['allergens']);
  const noName = await owner.patch(`${base}/menu/items/${f.foreignItem.id}`, { name: '' });
  t.equal(noName.status, 400, 'the body is checked before anything is looked up');
});

t.test('names are unique per restaurant', async (t) => {
  const dup = await owner.post<FieldError>(`${base}/menu/categories`, { name: 'Pizzas rouges' });
  t.equal(dup.status, 409);
  t.equal(dup.body.error.code, 'conflict');
  t.equal(dup.body.error.message, 'Une catégorie « Pizzas rouges » existe déjà');

  const item = await owner.post<FieldError>(`${base}/menu/items`, { categoryId, name: 'Margherita', priceCents: 900 });
  t.equal(item.status, 409);
  t.equal(item.body.error.message, 'Un article « Margherita » existe déjà');

  const other = await owner.post<MenuCategoryDto>(`${base}/menu/categories`, { name: 'Pizzas', description: 'Nouvelle carte' });
  t.equal(other.status, 201, 'the foreign restaurant also has "Pizzas": names are only unique within a restaurant');
  const rename = await owner.patch<FieldError>(`${base}/menu/categories/${other.body.id}`, { name: 'Desserts' });
  t.equal(rename.status, 409);
  t.equal(rename.body.error.message, 'Une catégorie « Desserts » existe déjà');
});

t.test("another restaurant's ids are never linked nor shown", async (t) => {
  const intoForeign = await owner.post<FieldError>(`${base}/menu/items`, { categoryId: f.foreignCategory.id, name: 'Intruse', priceCents: 1000 });
  t.equal(intoForeign.status, 404);
  t.equal(intoForeign.body.error.message, "Cette catégorie n'existe pas");

  const margherita = await prisma.menuItem.findFirstOrThrow({ where: { restaurantId: f.restaurantId, name: 'Margherita' } });
  const move = await owner.patch(`${base}/menu/items/${margherita.id}`, { categoryId: f.foreignCategory.id });
  t.equal(move.status, 404);
  t.equal(await prisma.menuItem.count({ where: { categoryId: f.foreignCategory.id } }), 1, 'only its own item');

  const foreignGroup = await prisma.optionGroup.create({ data: { restaurantId: f.foreign.id, name: 'Taille' } });
  const link = await owner.patch(`${base}/menu/items/${margherita.id}`, { optionGroupIds: [tailleId, foreignGroup.id] });
  t.equal(link.status, 404);
  t.equal(await prisma.menuItemOptionGroup.count({ where: { groupId: foreignGroup.id } }), 0);

  for (const [method, res] of [
    ['GET', await owner.get(`${base}/menu/items/${f.foreignItem.id}`)],
    ['PATCH', await owner.patch(`${base}/menu/items/${f.foreignItem.id}`, { priceCents: 1 })],
    ['availability', await owner.patch(`${base}/menu/items/${f.foreignItem.id}/availability`, { available: false })],
    ['DELETE', await owner.del(`${base}/menu/items/${f.foreignItem.id}`)],
  ] as const) t.equal(res.status, 404, `${method} of a foreign item under our path`);
  const untouched = await prisma.menuItem.findUniqueOrThrow({ where: { id: f.foreignItem.id } });
  t.match(untouched, { priceCents: 1000, available: true, archived: false });

  t.equal((await owner.get(`/api/restaurants/${f.foreign.id}/menu/items`)).status, 404, "the other restaurant's path is closed to us");
});

t.test('staff may switch availability but not edit the menu', async (t) => {
  const tiramisu = await prisma.menuItem.findFirstOrThrow({ where: { restaurantId: f.restaurantId, name: 'Tiramisu' } });
  t.equal((await staff.get(`${base}/menu/items`)).status, 200, 'staff reads the menu');
  const off = await staff.patch<MenuItemDto>(`${base}/menu/items/${tiramisu.id}/availability`, { available: false });
  t.equal(off.status, 200);
  t.equal(off.body.available, false);
  t.equal((await staff.patch(`${base}/menu/items/${tiramisu.id}/availability`, { available: true })).status, 200);
  t.equal((await staff.del(`${base}/menu/items/${tiramisu.id}`)).status, 403);
  t.equal((await staff.patch(`${base}/menu/items/${tiramisu.id}`, { priceCents: 1 })).status, 403);
  t.equal((await staff.post(`${base}/menu/categories`, { name: 'Staff' })).status, 403);
  const audit = await prisma.auditLog.findFirst({ where: { entityId: tiramisu.id }, include: { user: true } });
  t.equal(audit?.user?.email, 'staff@voiceorder.local', 'the audit names who switched it');
});

t.test('deleting keeps order history and refuses to empty a category by accident', async (t) => {
  const ordered = await prisma.orderItem.findFirstOrThrow({
    where: { menuItem: { restaurantId: f.restaurantId, formulaChoices: { none: {} } } }, select: { menuItemId: true },
  });
  const id = ordered.menuItemId!;
  t.equal((await owner.del(`${base}/menu/items/${id}`)).status, 204);
  const archived = await owner.get<MenuItemDto>(`${base}/menu/items/${id}`);
  t.equal(archived.body.archived, true, 'an item in past orders is archived, not deleted');
  t.ok(await prisma.orderItem.count({ where: { menuItemId: id } }) > 0, 'order lines still point at it');
  const list = await owner.get<MenuItemPage>(`${base}/menu/items?pageSize=200`);
  t.notOk(list.body.items.some((i) => i.id === id), 'hidden from the menu');
  const archivedList = await owner.get<MenuItemPage>(`${base}/menu/items?archived=true`);
  t.ok(archivedList.body.items.some((i) => i.id === id));
  const again = await owner.post<FieldError>(`${base}/menu/items`, { categoryId, name: archived.body.name, priceCents: 100 });
  t.equal(again.status, 409);
  t.match(again.body.error.message, /archivé/);

  const inFormula = await prisma.formulaStepChoice.findFirstOrThrow({ where: { step: { formula: { restaurantId: f.restaurantId } } } });
  const refused = await owner.del<FieldError>(`${base}/menu/items/${inFormula.itemId}`);
  t.equal(refused.status, 409);
  t.match(refused.body.error.message, /formule/);

  const full = await owner.del<FieldError>(`${base}/menu/categories/${categoryId}`);
  t.equal(full.status, 409);
  t.match(full.body.error.message, /^La catégorie « Pizzas rouges » contient encore \d+ articles/);
  const empty = await owner.post<MenuCategoryDto>(`${base}/menu/categories`, { name: 'Vide' });
  t.equal((await owner.del(`${base}/menu/categories/${empty.body.id}`)).status, 204);
  t.equal((await owner.get(`${base}/menu/categories/${empty.body.id}`)).status, 404);
});

t.test('the OpenAPI document describes the catalog routes', async (t) => {
  const doc = (await owner.get<{ paths: Record<string, Record<string, { summary: string }>> }>('/api/openapi.json')).body;
  const items = doc.paths['/api/restaurants/{restaurantId}/menu/items/{id}'];
  t.match(items?.delete?.summary, /archived/, 'DELETE says when it archives instead');
  t.ok(doc.paths['/api/restaurants/{restaurantId}/menu/items/{id}/availability']?.patch);
  t.ok(doc.paths['/api/restaurants/{restaurantId}/opening-hours']?.put);
});
