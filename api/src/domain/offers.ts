// Which single offer an order gets. Offers never stack: the caller is told one
// discount, and the restaurant's margin cannot be eaten by combinations.
import type { LocalParts } from './calendar.ts';
import { minutesOf } from './calendar.ts';
import { percentOfCents } from './money.ts';
import type { OfferInput, OrderChannel, OrderType, PricedLine } from './pricing-types.ts';

export interface OfferContext {
  type: OrderType;
  channel: OrderChannel;
  /** Local wall-clock of the moment the offer is judged at (requested time, else now). */
  at: LocalParts;
  lines: PricedLine[];
  subtotalCents: number;
}

function inTimeWindow(offer: OfferInput, minutes: number): boolean {
  const start = offer.startTime ? minutesOf(offer.startTime) : 0;
  const end = offer.endTime ? minutesOf(offer.endTime) : 1440;
  // A window like 22:00–02:00 wraps past midnight.
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

export function isOfferApplicable(offer: OfferInput, ctx: OfferContext): boolean {
  const { date, weekday, minutes } = ctx.at;
  return offer.active
    && offer.appliesTo !== 'reservation'
    && (!offer.startDate || date >= offer.startDate)
    && (!offer.endDate || date <= offer.endDate)
    && (offer.weekdays.length === 0 || offer.weekdays.includes(weekday))
    && inTimeWindow(offer, minutes)
    && (offer.orderTypes.length === 0 || offer.orderTypes.includes(ctx.type))
    && (offer.channels.length === 0 || offer.channels.includes(ctx.channel))
    && ctx.subtotalCents >= (offer.minOrderCents ?? 0)
    && (!offer.formulaId || ctx.lines.some((l) => l.formulaId === offer.formulaId));
}

/** The discount an offer gives on this order, capped at what it discounts. */
export function offerDiscountCents(offer: OfferInput, ctx: OfferContext): number {
  const base = offer.formulaId
    ? ctx.lines.filter((l) => l.formulaId === offer.formulaId).reduce((n, l) => n + l.lineTotalCents, 0)
    : ctx.subtotalCents;
  const byPercent = offer.discountPercent ? percentOfCents(base, offer.discountPercent) : 0;
  const byAmount = offer.discountAmountCents ?? 0;
  return Math.max(0, Math.min(base, Math.max(byPercent, byAmount)));
}

/** The applicable offer with the largest discount; the first listed wins a tie. */
export function bestOffer(offers: OfferInput[], ctx: OfferContext): { offer: OfferInput; discountCents: number } | null {
  let best: { offer: OfferInput; discountCents: number } | null = null;
  for (const offer of offers) {
    if (!isOfferApplicable(offer, ctx)) continue;
    const discountCents = offerDiscountCents(offer, ctx);
    if (discountCents > 0 && (!best || discountCents > best.discountCents)) best = { offer, discountCents };
  }
  return best;
}
