// Formulas (set menus). A PATCH with `steps` replaces the whole step tree in
// the same transaction, so a caller never sees half of an edited menu.
import { AppError } from '../../errors.ts';
import type { FormulaBody, FormulaDto, FormulaListQuery, FormulaPatchBody, FormulaStepBody } from '../../contract/catalog-formula.ts';
import type { CatalogRepos, CatalogStore } from '../../repositories/catalog/store.ts';
import type { FormulaRow, StepData } from '../../repositories/catalog/formula-repository.ts';
import { writeChange } from './audit.ts';
import { assertOwned, defined, found, iso, paged, type Actor } from './common.ts';

const NOT_FOUND = "Cette formule n'existe pas";
export const SERVICE_NOT_FOUND = "Un des services indiqués n'existe pas";

export const formulaDto = (r: FormulaRow): FormulaDto => ({
  id: r.id, restaurantId: r.restaurantId, name: r.name, nameEn: r.nameEn, description: r.description,
  priceCents: r.priceCents, available: r.available, weekdays: r.weekdays, serviceIds: r.serviceIds, sortOrder: r.sortOrder,
  steps: r.steps.map((s) => ({
    id: s.id, name: s.name, nameEn: s.nameEn, minChoices: s.minChoices, maxChoices: s.maxChoices, sortOrder: s.sortOrder,
    choices: s.choices.map((c) => ({ itemId: c.itemId, supplementCents: c.supplementCents })),
  })),
  createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
});

const stepData = (s: FormulaStepBody, i: number): StepData => ({
  name: s.name, nameEn: s.nameEn, minChoices: s.minChoices ?? 1, maxChoices: s.maxChoices ?? 1, sortOrder: i,
  choices: s.choices.map((c) => ({ itemId: c.itemId, supplementCents: c.supplementCents ?? 0 })),
});

async function checkRefs(r: CatalogRepos, restaurantId: string, v: { steps?: FormulaStepBody[] | undefined; serviceIds?: string[] | undefined }) {
  if (v.steps) {
    const itemIds = v.steps.flatMap((s) => s.choices.map((c) => c.itemId));
    await assertOwned(r, 'item', restaurantId, itemIds, "Un des articles de la formule n'existe pas");
  }
  if (v.serviceIds) await assertOwned(r, 'service', restaurantId, v.serviceIds, SERVICE_NOT_FOUND);
}

export function formulaService(store: CatalogStore) {
  const scope = (restaurantId: string, actor: Actor, name?: string) => ({
    restaurantId, actor, entityType: 'formula', conflict: name && `Une formule « ${name} » existe déjà`,
  });
  return {
    async list(restaurantId: string, q: FormulaListQuery) {
      const [rows, total] = await store.formulas.list(restaurantId, q, q);
      return paged(rows.map(formulaDto), total, q);
    },

    async get(restaurantId: string, id: string): Promise<FormulaDto> {
      return formulaDto(found(await store.formulas.find(restaurantId, id), NOT_FOUND));
    },

    create: (restaurantId: string, body: FormulaBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, body.name), async (r) => {
        await checkRefs(r, restaurantId, body);
        const { steps, ...fields } = body;
        const after = formulaDto(await r.formulas.create(restaurantId, {
          ...fields, weekdays: fields.weekdays ?? [], serviceIds: fields.serviceIds ?? [],
        }, steps.map(stepData)));
        return { action: 'create', entityId: after.id, after, result: after };
      }),

    update: (restaurantId: string, id: string, patch: FormulaPatchBody, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor, patch.name), async (r) => {
        const before = formulaDto(found(await r.formulas.find(restaurantId, id), NOT_FOUND));
        await checkRefs(r, restaurantId, patch);
        const { steps, ...fields } = patch;
        const after = formulaDto(await r.formulas.update(restaurantId, id, defined(fields), steps?.map(stepData)));
        return { action: 'update', entityId: id, before, after, result: after };
      }),

    /** Refused while an offer is built on the formula (the offer would silently lose it). */
    remove: (restaurantId: string, id: string, actor: Actor) =>
      writeChange(store, scope(restaurantId, actor), async (r) => {
        const before = formulaDto(found(await r.formulas.find(restaurantId, id), NOT_FOUND));
        const offer = await r.formulas.offerUsing(restaurantId, id);
        if (offer) throw new AppError('conflict', `La formule « ${before.name} » est utilisée par l'offre « ${offer.name} » : modifiez ou supprimez l'offre d'abord`);
        await r.formulas.delete(restaurantId, id);
        return { action: 'delete', entityId: id, before, result: undefined };
      }),
  };
}
export type FormulaService = ReturnType<typeof formulaService>;
