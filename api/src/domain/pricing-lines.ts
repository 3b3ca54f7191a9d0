// Validates and prices one requested line against the menu snapshot. Every
// refusal names the dish and says what to ask the caller, because the agent
// relays it in the same breath.
import type {
  FormulaInput, FormulaLineRequest, ItemLineRequest, LineFormulaChoice, LineOption, MenuItemInput,
  MenuSnapshot, OptionGroupInput, OrderLineRequest, PricedLine, PricingFailure, PricingFailureCode,
} from './pricing-types.ts';

export const MAX_QUANTITY = 50;
const WEEKDAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

export function fail(code: PricingFailureCode, message: string, details: Record<string, unknown>): PricingFailure {
  return { ok: false, code, message, details };
}

const isFormulaLine = (line: OrderLineRequest): line is FormulaLineRequest => 'formulaId' in line;

export function priceLine(menu: MenuSnapshot, line: OrderLineRequest, lineIndex: number, weekday: number): PricedLine | PricingFailure {
  if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
    return fail('quantity_invalid', `La quantité doit être un nombre entier entre 1 et ${MAX_QUANTITY}. Redemandez la quantité.`,
      { lineIndex, quantity: line.quantity });
  }
  const priced = isFormulaLine(line) ? priceFormula(menu, line, lineIndex, weekday) : priceItem(menu, line, lineIndex);
  if ('ok' in priced) return priced;
  return { ...priced, quantity: line.quantity, lineTotalCents: priced.unitPriceCents * line.quantity, ...(line.notes ? { notes: line.notes } : {}) };
}

type UnitPrice = Omit<PricedLine, 'quantity' | 'lineTotalCents' | 'notes'>;

function findItem(menu: MenuSnapshot, itemId: string, lineIndex: number): MenuItemInput | PricingFailure {
  const item = menu.items.find((i) => i.id === itemId && !i.archived);
  if (!item) return fail('unknown_item', "Cet article n'est pas à la carte. Vérifiez le menu et proposez un plat existant.", { lineIndex, itemId });
  if (!item.available) {
    return fail('item_unavailable', `${item.name} n'est plus disponible aujourd'hui. Proposez un autre plat.`, { lineIndex, itemId, name: item.name });
  }
  return item;
}

function minimumOf(group: OptionGroupInput): number {
  return group.required ? Math.max(1, group.minSelect) : group.minSelect;
}

function priceItem(menu: MenuSnapshot, line: ItemLineRequest, lineIndex: number): UnitPrice | PricingFailure {
  const item = findItem(menu, line.itemId, lineIndex);
  if ('ok' in item) return item;
  const options: LineOption[] = [];
  const counts = new Map<string, number>();
  for (const optionId of line.optionIds) {
    const group = item.optionGroups.find((g) => g.options.some((o) => o.id === optionId));
    const option = group?.options.find((o) => o.id === optionId);
    if (!group || !option) {
      return fail('option_invalid', `Cette option n'existe pas pour ${item.name}. Proposez les options du menu.`, { lineIndex, itemId: item.id, optionId });
    }
    if (!option.available) {
      return fail('option_invalid', `L'option ${option.name} n'est plus disponible aujourd'hui. Proposez un autre choix pour ${group.name}.`,
        { lineIndex, itemId: item.id, optionId, reason: 'unavailable' });
    }
    counts.set(group.id, (counts.get(group.id) ?? 0) + 1);
    options.push({ group: group.name, name: option.name, priceDeltaCents: option.priceDeltaCents });
  }
  for (const group of item.optionGroups) {
    const chosen = counts.get(group.id) ?? 0;
    const min = minimumOf(group);
    const choices = group.options.filter((o) => o.available).map((o) => o.name).join(', ');
    const details = { lineIndex, itemId: item.id, groupId: group.id, group: group.name, chosen, min, max: group.maxSelect };
    if (chosen < min) {
      return fail('option_count', `Pour ${item.name}, il faut choisir ${min === 1 ? 'une option' : `au moins ${min} options`} « ${group.name} » (${choices}). Demandez au client.`, details);
    }
    // maxSelect 0 means "no limit" (e.g. free toppings), not "none allowed".
    if (group.maxSelect > 0 && chosen > group.maxSelect) {
      return fail('option_count', `Pour ${item.name}, ${group.maxSelect === 1 ? 'une seule option' : `au plus ${group.maxSelect} options`} « ${group.name} ». Demandez au client laquelle garder.`, details);
    }
  }
  const unit = item.priceCents + options.reduce((n, o) => n + o.priceDeltaCents, 0);
  return { menuItemId: item.id, formulaId: null, name: item.name, unitPriceCents: unit, options, formulaChoices: [] };
}

function priceFormula(menu: MenuSnapshot, line: FormulaLineRequest, lineIndex: number, weekday: number): UnitPrice | PricingFailure {
  const formula: FormulaInput | undefined = menu.formulas.find((f) => f.id === line.formulaId);
  if (!formula) return fail('unknown_item', "Cette formule n'existe pas. Vérifiez le menu.", { lineIndex, formulaId: line.formulaId });
  if (!formula.available || (formula.weekdays.length > 0 && !formula.weekdays.includes(weekday))) {
    const days = formula.weekdays.map((d) => WEEKDAY_NAMES[d - 1]).join(', ');
    const when = formula.available && days ? ` (proposée le ${days})` : '';
    return fail('item_unavailable', `La formule ${formula.name} n'est pas disponible ce jour-là${when}. Proposez la carte.`,
      { lineIndex, formulaId: formula.id, name: formula.name });
  }
  const unknownStep = line.choices.find((c) => !formula.steps.some((s) => s.id === c.stepId));
  if (unknownStep) {
    return fail('formula_invalid', `Cette étape ne fait pas partie de la formule ${formula.name}.`, { lineIndex, formulaId: formula.id, stepId: unknownStep.stepId });
  }
  const formulaChoices: LineFormulaChoice[] = [];
  for (const step of formula.steps) {
    const itemIds = line.choices.filter((c) => c.stepId === step.id).flatMap((c) => c.itemIds);
    for (const itemId of itemIds) {
      const allowed = step.choices.find((c) => c.itemId === itemId);
      const item = findItem(menu, itemId, lineIndex);
      if ('ok' in item) return item;
      if (!allowed) {
        const names = step.choices.map((c) => menu.items.find((i) => i.id === c.itemId)?.name).filter(Boolean).join(', ');
        return fail('formula_invalid', `${item.name} ne fait pas partie des choix « ${step.name} » de la formule ${formula.name} (${names}).`,
          { lineIndex, formulaId: formula.id, stepId: step.id, itemId });
      }
      formulaChoices.push({ step: step.name, itemId, name: item.name, supplementCents: allowed.supplementCents });
    }
    if (itemIds.length < step.minChoices || itemIds.length > step.maxChoices) {
      const range = step.minChoices === step.maxChoices ? `${step.minChoices}` : `${step.minChoices} à ${step.maxChoices}`;
      return fail('formula_step_count', `Pour la formule ${formula.name}, choisissez ${range} « ${step.name} ». Demandez au client.`,
        { lineIndex, formulaId: formula.id, stepId: step.id, step: step.name, chosen: itemIds.length, min: step.minChoices, max: step.maxChoices });
    }
  }
  const unit = formula.priceCents + formulaChoices.reduce((n, c) => n + c.supplementCents, 0);
  return { menuItemId: null, formulaId: formula.id, name: formula.name, unitPriceCents: unit, options: [], formulaChoices };
}
