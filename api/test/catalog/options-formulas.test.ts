import t from 'tap';
import { catalogFixture, fieldPaths, type FieldError } from './setup.ts';
import type { FormulaDto, MenuItemDto, OptionGroupDto } from '../../src/contract/index.ts';

const f = await catalogFixture(t);
const { owner, base, prisma } = f;
const itemId = async (name: string) => (await prisma.menuItem.findFirstOrThrow({ where: { restaurantId: f.restaurantId, name } })).id;

t.test('an option group with its options, edited in place', async (t) => {
  const created = await owner.post<OptionGroupDto>(`${base}/menu/option-groups`, {
    name: 'Cuisson', required: true, options: [
      { name: 'Saignant', priceDeltaCents: 0 }, { name: 'À point', priceDeltaCents: 0, isDefault: true },
      { name: 'Bien cuit', priceDeltaCents: 0 },
    ],
  });
  t.equal(created.status, 201);
  t.match(created.body, { required: true, minSelect: 1, maxSelect: 1 }, 'required means at least one choice');
  t.same(created.body.options.map((o) => o.name), ['Saignant', 'À point', 'Bien cuit'], 'in the order given');
  const [saignant, aPoint] = created.body.options;

  const edited = await owner.patch<OptionGroupDto>(`${base}/menu/option-groups/${created.body.id}`, {
    options: [
      { id: aPoint!.id, name: 'À point', priceDeltaCents: 0, isDefault: true },
      { id: saignant!.id, name: 'Saignant', priceDeltaCents: 0 },
      { name: 'Bleu', priceDeltaCents: 0, allergens: [] },
    ],
  });
  t.equal(edited.status, 200);
  t.same(edited.body.options.map((o) => o.name), ['À point', 'Saignant', 'Bleu']);
  t.equal(edited.body.options[0]?.id, aPoint!.id, 'kept options keep their id');
  t.equal(await prisma.option.count({ where: { groupId: created.body.id } }), 3, '"Bien cuit" is gone');

  const extras = await owner.post<OptionGroupDto>(`${base}/menu/option-groups`, {
    name: 'Sauces', maxSelect: 3, options: [{ name: 'Petite portion', priceDeltaCents: -200 }],
  });
  t.equal(extras.status, 201, 'a negative delta is a cheaper variant');
  t.match(extras.body, { required: false, minSelect: 0, maxSelect: 3 });

  const pizza = await owner.post<MenuItemDto>(`${base}/menu/items`, {
    categoryId: (await prisma.menuCategory.findFirstOrThrow({ where: { restaurantId: f.restaurantId, name: 'Pizzas rouges' } })).id,
    name: 'Pizza Steak', priceCents: 1800, optionGroupIds: [extras.body.id, created.body.id],
  });
  t.same(pizza.body.optionGroupIds, [extras.body.id, created.body.id]);
  t.equal((await owner.del(`${base}/menu/option-groups/${extras.body.id}`)).status, 204);
  const after = await owner.get<MenuItemDto>(`${base}/menu/items/${pizza.body.id}`);
  t.same(after.body.optionGroupIds, [created.body.id], 'the deleted group is unlinked from the item');
});

t.test('option group rules', async (t) => {
  const post = (body: object) => owner.post<FieldError>(`${base}/menu/option-groups`, { name: 'Règles', ...body });
  t.same(fieldPaths((await post({ minSelect: 3, maxSelect: 2 })).body), ['minSelect']);
  t.same(fieldPaths((await post({ maxSelect: 0 })).body), ['maxSelect'], 'unlimited (0) is not allowed');
  t.same(fieldPaths((await post({ required: true, minSelect: 0 })).body), ['minSelect']);
  t.same(fieldPaths((await post({ options: [{ name: 'A', priceDeltaCents: -200000 }] })).body), ['options.0.priceDeltaCents']);
  t.same(fieldPaths((await post({ options: [{ name: 'A', priceDeltaCents: 0 }, { name: 'a', priceDeltaCents: 0 }] })).body), ['options.1.name']);

  const taille = await prisma.optionGroup.findFirstOrThrow({ where: { restaurantId: f.restaurantId, name: 'Taille' } });
  const merged = await owner.patch<FieldError>(`${base}/menu/option-groups/${taille.id}`, { minSelect: 2 });
  t.equal(merged.status, 400, 'a PATCH is checked against the stored maxSelect');
  t.same(fieldPaths(merged.body), ['minSelect']);
  const dup = await owner.post<FieldError>(`${base}/menu/option-groups`, { name: 'Taille' });
  t.equal(dup.status, 409);
  t.equal(dup.body.error.message, "Un groupe d'options « Taille » existe déjà");

  const foreignGroup = await prisma.optionGroup.create({ data: { restaurantId: f.foreign.id, name: 'Etrangère', options: { create: [{ name: 'X' }] } } });
  const stolen = await owner.patch(`${base}/menu/option-groups/${taille.id}`, {
    options: [{ id: (await prisma.option.findFirstOrThrow({ where: { groupId: foreignGroup.id } })).id, name: 'X', priceDeltaCents: 0 }],
  });
  t.equal(stolen.status, 404, "another group's option cannot be pulled in");
  t.equal(await prisma.option.count({ where: { groupId: taille.id } }), 2, 'and nothing changed');
});

t.test('a formula: created with its steps, steps replaced as a whole', async (t) => {
  const [margherita, reine, tiramisu, pannaCotta] = await Promise.all(['Margherita', 'Regina', 'Tiramisu', 'Panna cotta'].map(itemId));
  const services = await prisma.diningService.findMany({ where: { restaurantId: f.restaurantId } });
  const created = await owner.post<FormulaDto>(`${base}/menu/formulas`, {
    name: 'Formule Soir', priceCents: 2190, weekdays: [5, 6], serviceIds: [services[0]!.id],
    steps: [
      { name: 'Pizza', choices: [{ itemId: margherita }, { itemId: reine, supplementCents: 200 }] },
      { name: 'Dessert', choices: [{ itemId: tiramisu }] },
    ],
  });
  t.equal(created.status, 201);
  t.same(created.body.steps.map((s) => [s.name, s.sortOrder, s.minChoices, s.maxChoices, s.choices.length]), [['Pizza', 0, 1, 1, 2], ['Dessert', 1, 1, 1, 1]]);
  t.ok(created.body.steps[0]?.choices.some((c) => c.itemId === reine && c.supplementCents === 200));

  const oldStepIds = created.body.steps.map((s) => s.id);
  const replaced = await owner.patch<FormulaDto>(`${base}/menu/formulas/${created.body.id}`, {
    priceCents: 2290,
    steps: [{ name: 'Dessert', minChoices: 1, maxChoices: 2, choices: [{ itemId: tiramisu }, { itemId: pannaCotta }] }],
  });
  t.equal(replaced.status, 200);
  t.equal(replaced.body.priceCents, 2290);
  t.same(replaced.body.steps.map((s) => s.name), ['Dessert']);
  t.same(replaced.body.steps[0]?.choices.map((c) => c.itemId).sort(), [tiramisu, pannaCotta].sort());
  t.equal(await prisma.formulaStep.count({ where: { id: { in: oldStepIds } } }), 0, 'the old steps are gone');

  const broken = await owner.patch(`${base}/menu/formulas/${created.body.id}`, {
    name: 'Formule cassée',
    steps: [{ name: 'Plat', choices: [{ itemId: margherita }] }, { name: 'Autre', choices: [{ itemId: f.foreignItem.id }] }],
  });
  t.equal(broken.status, 404, "an item of another restaurant is refused");
  const unchanged = await owner.get<FormulaDto>(`${base}/menu/formulas/${created.body.id}`);
  t.same(unchanged.body, replaced.body, 'nothing of the refused update was written');

  const ruled = await owner.post<FieldError>(`${base}/menu/formulas`, {
    name: 'Mauvaise', priceCents: 1000, weekdays: [1, 1],
    steps: [{ name: 'Plat', minChoices: 2, maxChoices: 1, choices: [{ itemId: margherita }, { itemId: margherita }] }],
  });
  t.equal(ruled.status, 400);
  t.same(fieldPaths(ruled.body).sort(), ['steps.0.choices.1.itemId', 'steps.0.minChoices', 'weekdays'].sort());

  const foreignService = await prisma.diningService.create({ data: {
    restaurantId: f.foreign.id, name: 'Midi', weekdays: [1], startTime: '12:00', endTime: '14:00', lastSeatingTime: '13:30',
  } });
  t.equal((await owner.patch(`${base}/menu/formulas/${created.body.id}`, { serviceIds: [foreignService.id] })).status, 404);

  const midi = await prisma.formula.findFirstOrThrow({ where: { restaurantId: f.restaurantId, name: 'Formule Midi' } });
  const used = await owner.del<FieldError>(`${base}/menu/formulas/${midi.id}`);
  t.equal(used.status, 409, 'the lunch offer is built on it');
  t.match(used.body.error.message, /offre/);
  t.equal((await owner.del(`${base}/menu/formulas/${created.body.id}`)).status, 204);
  t.equal(await prisma.formulaStep.count({ where: { formulaId: created.body.id } }), 0);
});
