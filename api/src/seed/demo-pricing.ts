// Prices demo orders from the demo menu by name, with the same rules the order
// service applies, so the snapshots, totals and breakdowns in the seed agree:
//   lineTotal = (unit + option deltas + formule supplements) × quantity
//   total     = subtotal − discount + delivery fee
import type { OrderType } from '../generated/prisma/client.ts';
import { DEMO_FORMULAS, DEMO_ITEMS, DEMO_OPTION_GROUPS } from './demo-menu.ts';
import type { DemoOffer, DemoZone } from './demo-venue.ts';

export type LineSpec =
  | { item: string; qty?: number; options?: [group: string, option: string][]; notes?: string }
  | { formula: string; qty?: number; choices: [step: string, item: string][]; notes?: string };

export interface PricedOption { group: string; name: string; priceDeltaCents: number }
export interface PricedChoice { step: string; item: string; supplementCents: number }

export interface PricedLine {
  itemName: string | null; formulaName: string | null;
  name: string; unitPriceCents: number; quantity: number;
  options: PricedOption[]; formulaChoices: PricedChoice[]; lineTotalCents: number; notes: string | null;
}

export interface PricedOrder {
  lines: PricedLine[];
  subtotalCents: number; discountCents: number; deliveryFeeCents: number; totalCents: number;
  offer: DemoOffer | null;
  breakdown: Record<string, unknown>;
}

function priceItemLine(spec: Extract<LineSpec, { item: string }>): PricedLine {
  const item = DEMO_ITEMS.find((i) => i.name === spec.item);
  if (!item) throw new Error(`Unknown demo item "${spec.item}"`);
  const chosen = spec.options ?? [];
  const options: PricedOption[] = [];
  for (const groupName of item.groupNames) {
    const group = DEMO_OPTION_GROUPS.find((g) => g.name === groupName);
    if (!group) throw new Error(`Unknown option group "${groupName}"`);
    const picks = chosen.filter(([g]) => g === groupName).map(([, o]) => o);
    // A required group left unsaid takes its default, as the AI's cart does.
    if (picks.length === 0 && group.required) {
      const def = group.options.find((o) => o.isDefault);
      if (!def) throw new Error(`"${item.name}" needs a choice in "${groupName}"`);
      picks.push(def.name);
    }
    if (picks.length < group.minSelect || picks.length > group.maxSelect) {
      throw new Error(`"${item.name}": ${picks.length} choice(s) in "${groupName}"`);
    }
    for (const pick of picks) {
      const opt = group.options.find((o) => o.name === pick);
      if (!opt) throw new Error(`Unknown option "${pick}" in "${groupName}"`);
      options.push({ group: groupName, name: opt.name, priceDeltaCents: opt.priceDeltaCents });
    }
  }
  for (const [g] of chosen) {
    if (!item.groupNames.includes(g)) throw new Error(`"${item.name}" has no option group "${g}"`);
  }
  const quantity = spec.qty ?? 1;
  const unit = item.priceCents + options.reduce((s, o) => s + o.priceDeltaCents, 0);
  return {
    itemName: item.name, formulaName: null, name: item.name, unitPriceCents: item.priceCents, quantity,
    options, formulaChoices: [], lineTotalCents: unit * quantity, notes: spec.notes ?? null,
  };
}

function priceFormulaLine(spec: Extract<LineSpec, { formula: string }>): PricedLine {
  const formula = DEMO_FORMULAS.find((f) => f.name === spec.formula);
  if (!formula) throw new Error(`Unknown demo formula "${spec.formula}"`);
  const formulaChoices: PricedChoice[] = [];
  for (const step of formula.steps) {
    const picks = spec.choices.filter(([s]) => s === step.name);
    if (picks.length < step.minChoices || picks.length > step.maxChoices) {
      throw new Error(`"${formula.name}": ${picks.length} choice(s) for "${step.name}"`);
    }
    for (const [, itemName] of picks) {
      const choice = step.choices.find(([i]) => i === itemName);
      if (!choice) throw new Error(`"${itemName}" is not a choice of "${formula.name}" / "${step.name}"`);
      formulaChoices.push({ step: step.name, item: itemName, supplementCents: choice[1] });
    }
  }
  const quantity = spec.qty ?? 1;
  const unit = formula.priceCents + formulaChoices.reduce((s, c) => s + c.supplementCents, 0);
  return {
    itemName: null, formulaName: formula.name, name: formula.name, unitPriceCents: formula.priceCents, quantity,
    options: [], formulaChoices, lineTotalCents: unit * quantity, notes: spec.notes ?? null,
  };
}

export interface PricingContext {
  type: OrderType;
  channel: 'phone' | 'dashboard';
  /** Local date of the order, for the offer's weekdays and validity window. */
  date: string;
  weekday: number;
  zone: DemoZone | null;
  offers: DemoOffer[];
}

function offerApplies(o: DemoOffer, ctx: PricingContext): boolean {
  return o.discountPercent !== null
    && (o.appliesTo === 'order' || o.appliesTo === 'both')
    && (o.weekdays.length === 0 || o.weekdays.includes(ctx.weekday))
    && (o.orderTypes.length === 0 || o.orderTypes.includes(ctx.type))
    && (o.channels.length === 0 || o.channels.includes(ctx.channel))
    && o.startDate <= ctx.date && ctx.date <= o.endDate;
}

export function priceOrder(specs: LineSpec[], ctx: PricingContext): PricedOrder {
  const lines = specs.map((s) => ('item' in s ? priceItemLine(s) : priceFormulaLine(s)));
  const subtotalCents = lines.reduce((s, l) => s + l.lineTotalCents, 0);
  const offer = ctx.offers.find((o) => offerApplies(o, ctx)) ?? null;
  const discountCents = offer?.discountPercent ? Math.round((subtotalCents * offer.discountPercent) / 100) : 0;
  let deliveryFeeCents = 0;
  if (ctx.type === 'delivery') {
    if (!ctx.zone) throw new Error('Delivery order without a zone');
    if (subtotalCents - discountCents < ctx.zone.minOrderCents) {
      throw new Error(`Demo delivery order below the ${ctx.zone.name} minimum`);
    }
    const free = ctx.zone.freeAboveCents !== null && subtotalCents - discountCents >= ctx.zone.freeAboveCents;
    deliveryFeeCents = free ? 0 : ctx.zone.feeCents;
  }
  const totalCents = subtotalCents - discountCents + deliveryFeeCents;
  const breakdown = {
    currency: 'EUR',
    lines: lines.map((l) => ({
      name: l.name, quantity: l.quantity, unitPriceCents: l.unitPriceCents,
      options: l.options, formulaChoices: l.formulaChoices.map((c) => ({ step: c.step, name: c.item, supplementCents: c.supplementCents })),
      lineTotalCents: l.lineTotalCents,
    })),
    subtotalCents,
    discounts: offer ? [{ offer: offer.name, percent: offer.discountPercent, amountCents: discountCents }] : [],
    deliveryFeeCents,
    ...(ctx.zone ? { deliveryZone: ctx.zone.name } : {}),
    totalCents,
  };
  return { lines, subtotalCents, discountCents, deliveryFeeCents, totalCents, offer, breakdown };
}

/** "18 euros 50", the way the agent reads amounts aloud. */
export function spokenEuros(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest ? `${euros} euros ${String(rest).padStart(2, '0')}` : `${euros} euros`;
}
