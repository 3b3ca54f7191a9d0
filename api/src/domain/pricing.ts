// Prices a whole order: lines, the best offer, delivery, and the sentences
// the phone agent reads back. Pure: the clock and menu come in as data.
import { toLocal } from './calendar.ts';
import { bestOffer } from './offers.ts';
import { formatEuros } from './money.ts';
import { fail, priceLine } from './pricing-lines.ts';
import type { PricedLine, PricingFailure, PricingInput, PricingResult } from './pricing-types.ts';

export type * from './pricing-types.ts';

function lineSentence(line: PricedLine): string {
  const detail = [...line.options.map((o) => o.name), ...line.formulaChoices.map((c) => c.name)];
  const label = detail.length > 0 ? `${line.name} (${detail.join(', ')})` : line.name;
  return `${line.quantity} × ${label} : ${formatEuros(line.lineTotalCents)}`;
}

export function priceOrder(input: PricingInput): PricingResult | PricingFailure {
  // Offers and formula days follow the time the food is for, not when the call happens.
  const at = toLocal(input.requestedAt ?? input.now, input.timeZone);

  if (input.type === 'delivery' && !input.deliveryZone) {
    return fail('no_delivery_zone', "Cette adresse n'est pas dans notre zone de livraison. Proposez la vente à emporter.", {});
  }

  const lines: PricedLine[] = [];
  for (const [index, request] of input.lines.entries()) {
    const line = priceLine(input.menu, request, index, at.weekday);
    if ('ok' in line) return line;
    lines.push(line);
  }
  const subtotalCents = lines.reduce((n, l) => n + l.lineTotalCents, 0);

  const best = bestOffer(input.offers, { type: input.type, channel: input.channel, at, lines, subtotalCents });
  const discountCents = best?.discountCents ?? 0;
  const afterDiscount = subtotalCents - discountCents;

  let deliveryFeeCents = 0;
  const zone = input.type === 'delivery' ? input.deliveryZone : null;
  if (zone) {
    if (afterDiscount < zone.minOrderCents) {
      const missingCents = zone.minOrderCents - afterDiscount;
      return fail('below_minimum',
        `Il manque ${formatEuros(missingCents)} pour atteindre le minimum de livraison de ${formatEuros(zone.minOrderCents)}. Proposez d'ajouter un article ou de passer en vente à emporter.`,
        { missingCents, minOrderCents: zone.minOrderCents, subtotalAfterDiscountCents: afterDiscount });
    }
    deliveryFeeCents = zone.freeAboveCents != null && afterDiscount >= zone.freeAboveCents ? 0 : zone.feeCents;
  }
  const totalCents = afterDiscount + deliveryFeeCents;

  const readBack = lines.map(lineSentence);
  if (best) readBack.push(`Remise ${best.offer.name} : ${formatEuros(-discountCents)}`);
  if (zone) readBack.push(`Livraison : ${deliveryFeeCents === 0 ? 'offerte' : formatEuros(deliveryFeeCents)}`);
  readBack.push(`Total : ${formatEuros(totalCents)}`);

  return {
    ok: true, lines, subtotalCents, discountCents,
    appliedOffer: best ? { id: best.offer.id, name: best.offer.name } : null,
    deliveryFeeCents, totalCents, readBack,
  };
}
