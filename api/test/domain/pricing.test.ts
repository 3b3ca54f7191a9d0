import t from 'tap';
import { priceOrder } from '../../src/domain/pricing.ts';
import type {
  DeliveryZoneInput, MenuSnapshot, OfferInput, OrderChannel, OrderLineRequest, OrderType, PricingInput,
} from '../../src/domain/pricing.ts';

const TZ = 'Europe/Paris';
// Tuesday 10 March 2026, Paris is UTC+1.
const TUE_NOON = new Date('2026-03-10T11:00:00Z');
const TUE_EVENING = new Date('2026-03-10T18:00:00Z');
const eur = (s: string) => s.replace(/ €/g, '\u00a0€');

const menu: MenuSnapshot = {
  items: [
    {
      id: 'margherita', name: 'Margherita', priceCents: 1000, available: true, optionGroups: [
        { id: 'g-size', name: 'Taille', minSelect: 1, maxSelect: 1, required: true, options: [
          { id: 'o-small', name: 'Petite', priceDeltaCents: 0, available: true },
          { id: 'o-large', name: 'Grande', priceDeltaCents: 500, available: true },
        ] },
        { id: 'g-extra', name: 'Suppléments', minSelect: 0, maxSelect: 2, required: false, options: [
          { id: 'o-chorizo', name: 'Chorizo', priceDeltaCents: 150, available: true },
          { id: 'o-olives', name: 'Olives', priceDeltaCents: 100, available: true },
          { id: 'o-burrata', name: 'Burrata', priceDeltaCents: 300, available: false },
        ] },
      ],
    },
    { id: 'calzone', name: 'Calzone', priceCents: 1200, available: false, optionGroups: [] },
    {
      id: 'poke', name: 'Poke bowl', priceCents: 1100, available: true, optionGroups: [
        { id: 'g-garnish', name: 'Garnitures', minSelect: 2, maxSelect: 3, required: false, options: [
          { id: 'o-avocado', name: 'Avocat', priceDeltaCents: 0, available: true },
          { id: 'o-mango', name: 'Mangue', priceDeltaCents: 0, available: true },
          { id: 'o-edamame', name: 'Edamame', priceDeltaCents: 0, available: true },
          { id: 'o-cucumber', name: 'Concombre', priceDeltaCents: 0, available: true },
        ] },
      ],
    },
    { id: 'burger', name: 'Burger', priceCents: 1400, available: true, optionGroups: [] },
    { id: 'entrecote', name: 'Entrecôte', priceCents: 2200, available: true, optionGroups: [] },
    { id: 'tiramisu', name: 'Tiramisu', priceCents: 600, available: true, optionGroups: [] },
    { id: 'fondant', name: 'Fondant', priceCents: 700, available: true, optionGroups: [] },
    { id: 'coffee', name: 'Café', priceCents: 245, available: true, optionGroups: [] },
    { id: 'old', name: 'Ancienne pizza', priceCents: 900, available: true, archived: true, optionGroups: [] },
  ],
  formulas: [
    {
      id: 'lunch', name: 'Menu midi', priceCents: 1800, available: true, weekdays: [], steps: [
        { id: 's-main', name: 'Plat', minChoices: 1, maxChoices: 1, choices: [
          { itemId: 'burger', supplementCents: 0 }, { itemId: 'entrecote', supplementCents: 300 },
        ] },
        { id: 's-dessert', name: 'Dessert', minChoices: 1, maxChoices: 1, choices: [
          { itemId: 'tiramisu', supplementCents: 0 }, { itemId: 'fondant', supplementCents: 150 },
        ] },
      ],
    },
    { id: 'sunday', name: 'Menu du dimanche', priceCents: 2500, available: true, weekdays: [7], steps: [] },
  ],
};

const tuesdayPickup: OfferInput = {
  id: 'off-tue', name: '-10 % à emporter le mardi', kind: 'promotion', active: true, appliesTo: 'order',
  weekdays: [2], startTime: '11:30', endTime: '14:00', orderTypes: ['pickup'], channels: [], discountPercent: 10,
};
const fiveOff: OfferInput = {
  id: 'off-5', name: '5 € dès 40 €', kind: 'promotion', active: true, appliesTo: 'both',
  weekdays: [], orderTypes: [], channels: [], minOrderCents: 4000, discountAmountCents: 500,
};
const webVoucher: OfferInput = {
  id: 'off-web', name: 'Bon web de 10 €', kind: 'promotion', active: true, appliesTo: 'order',
  weekdays: [], orderTypes: [], channels: ['web'], discountAmountCents: 1000,
};
const reservationOnly: OfferInput = { ...fiveOff, id: 'off-resa', name: 'Apéritif offert', appliesTo: 'reservation', minOrderCents: 0, discountAmountCents: 5000 };
const zone: DeliveryZoneInput = { feeCents: 250, minOrderCents: 1500, freeAboveCents: 3000 };

const item = (itemId: string, optionIds: string[] = [], quantity = 1): OrderLineRequest => ({ itemId, quantity, optionIds });
const lunch = (main: string[], dessert: string[], quantity = 1): OrderLineRequest => ({
  formulaId: 'lunch', quantity, choices: [{ stepId: 's-main', itemIds: main }, { stepId: 's-dessert', itemIds: dessert }],
});
/** A one-line order of a dish costing exactly `cents`, to sit on delivery thresholds. */
const plate = (cents: number): Pick<PricingInput, 'menu' | 'lines'> => ({
  menu: { items: [{ id: 'plate', name: 'Plateau', priceCents: cents, available: true, optionGroups: [] }], formulas: [] },
  lines: [item('plate')],
});

interface Case {
  name: string;
  lines?: OrderLineRequest[];
  menu?: MenuSnapshot;
  type?: OrderType;
  channel?: OrderChannel;
  offers?: OfferInput[];
  zone?: DeliveryZoneInput | null;
  now?: Date;
  requestedAt?: Date;
  expect: Record<string, unknown>;
  message?: RegExp;
}

const cases: Case[] = [
  // Lines and options
  { name: 'a large pizza with an extra, twice', lines: [item('margherita', ['o-large', 'o-chorizo'], 2)], expect: {
    ok: true, subtotalCents: 3300, totalCents: 3300,
    lines: [{ name: 'Margherita', quantity: 2, unitPriceCents: 1650, lineTotalCents: 3300, menuItemId: 'margherita', formulaId: null,
      options: [{ group: 'Taille', name: 'Grande', priceDeltaCents: 500 }, { group: 'Suppléments', name: 'Chorizo', priceDeltaCents: 150 }],
      formulaChoices: [] }],
    readBack: [eur('2 × Margherita (Grande, Chorizo) : 33,00 €'), eur('Total : 33,00 €')],
  } },
  { name: 'the required size is missing', lines: [item('margherita', ['o-chorizo'])], expect: { ok: false, code: 'option_count' }, message: /Margherita.*Taille.*Petite, Grande/ },
  { name: 'two sizes for one pizza', lines: [item('margherita', ['o-small', 'o-large'])], expect: { ok: false, code: 'option_count' }, message: /une seule option « Taille »/ },
  { name: 'three extras where two are allowed', lines: [item('margherita', ['o-small', 'o-chorizo', 'o-olives', 'o-chorizo'])], expect: { ok: false, code: 'option_count' } },
  { name: 'a poke bowl with one topping, under its minimum of two', lines: [item('poke', ['o-avocado'])], expect: { ok: false, code: 'option_count', details: { min: 2, chosen: 1 } } },
  { name: 'a poke bowl with no topping (group not required but min 2)', lines: [item('poke')], expect: { ok: false, code: 'option_count' } },
  { name: 'a poke bowl with exactly two toppings', lines: [item('poke', ['o-avocado', 'o-mango'])], expect: { ok: true, subtotalCents: 1100 } },
  { name: 'a poke bowl with exactly three toppings', lines: [item('poke', ['o-avocado', 'o-mango', 'o-edamame'])], expect: { ok: true, subtotalCents: 1100 } },
  { name: 'a poke bowl with four toppings, over its maximum', lines: [item('poke', ['o-avocado', 'o-mango', 'o-edamame', 'o-cucumber'])], expect: { ok: false, code: 'option_count', details: { max: 3, chosen: 4 } } },
  { name: 'an option of another dish', lines: [item('poke', ['o-avocado', 'o-mango', 'o-large'])], expect: { ok: false, code: 'option_invalid' } },
  { name: 'a sold-out option', lines: [item('margherita', ['o-small', 'o-burrata'])], expect: { ok: false, code: 'option_invalid' }, message: /Burrata/ },
  { name: 'a dish not on the menu', lines: [item('sushi')], expect: { ok: false, code: 'unknown_item' } },
  { name: 'an archived dish', lines: [item('old')], expect: { ok: false, code: 'unknown_item' } },
  { name: 'a sold-out dish, named in the message', lines: [item('calzone')], expect: { ok: false, code: 'item_unavailable' }, message: /^Calzone n'est plus disponible aujourd'hui\. Proposez/ },
  { name: 'a quantity of zero', lines: [item('coffee', [], 0)], expect: { ok: false, code: 'quantity_invalid' } },
  { name: 'a quantity of 51', lines: [item('coffee', [], 51)], expect: { ok: false, code: 'quantity_invalid' } },
  { name: 'a fractional quantity', lines: [item('coffee', [], 1.5)], expect: { ok: false, code: 'quantity_invalid' } },
  { name: 'a quantity of 50', lines: [item('coffee', [], 50)], expect: { ok: true, subtotalCents: 12250 } },

  // Formulas
  { name: 'a formula with supplements on the main and the dessert', lines: [lunch(['entrecote'], ['fondant'], 2)], expect: {
    ok: true, subtotalCents: 4500,
    lines: [{ name: 'Menu midi', formulaId: 'lunch', menuItemId: null, quantity: 2, unitPriceCents: 2250, lineTotalCents: 4500, options: [],
      formulaChoices: [
        { step: 'Plat', itemId: 'entrecote', name: 'Entrecôte', supplementCents: 300 },
        { step: 'Dessert', itemId: 'fondant', name: 'Fondant', supplementCents: 150 },
      ] }],
  } },
  { name: 'a formula without supplement costs its price', lines: [lunch(['burger'], ['tiramisu'])], expect: { ok: true, subtotalCents: 1800 } },
  { name: 'a formula missing its dessert', lines: [lunch(['burger'], [])], expect: { ok: false, code: 'formula_step_count', details: { step: 'Dessert', chosen: 0 } } },
  { name: 'a formula with two mains', lines: [lunch(['burger', 'entrecote'], ['tiramisu'])], expect: { ok: false, code: 'formula_step_count' } },
  { name: 'a formula with a dish not offered in that step', lines: [lunch(['tiramisu'], ['fondant'])], expect: { ok: false, code: 'formula_invalid' }, message: /Tiramisu.*« Plat ».*Burger, Entrecôte/ },
  { name: 'a Sunday formula on a Tuesday', lines: [{ formulaId: 'sunday', quantity: 1, choices: [] }], expect: { ok: false, code: 'item_unavailable' }, message: /dimanche/ },

  // Offers
  { name: 'the Tuesday pickup offer inside its hours', lines: [item('margherita', ['o-large'], 2)], offers: [tuesdayPickup], expect: {
    ok: true, subtotalCents: 3000, discountCents: 300, totalCents: 2700, appliedOffer: { id: 'off-tue', name: '-10 % à emporter le mardi' },
    readBack: [eur('2 × Margherita (Grande) : 30,00 €'), eur('Remise -10 % à emporter le mardi : -3,00 €'), eur('Total : 27,00 €')],
  } },
  { name: 'the Tuesday pickup offer outside its hours', now: TUE_EVENING, lines: [item('margherita', ['o-large'], 2)], offers: [tuesdayPickup], expect: { ok: true, discountCents: 0, appliedOffer: null, totalCents: 3000 } },
  { name: 'the offer is judged at the requested time, not the call time', now: TUE_EVENING, requestedAt: new Date('2026-03-10T11:30:00Z'), lines: [item('margherita', ['o-large'], 2)], offers: [tuesdayPickup], expect: { ok: true, discountCents: 300 } },
  { name: 'the offer window end is exclusive (14:00)', now: new Date('2026-03-10T13:00:00Z'), lines: [item('margherita', ['o-large'], 2)], offers: [tuesdayPickup], expect: { ok: true, discountCents: 0 } },
  { name: 'a pickup offer does not apply to delivery', type: 'delivery', zone, lines: [item('margherita', ['o-large'], 2)], offers: [tuesdayPickup], expect: { ok: true, discountCents: 0 } },
  { name: 'a percentage rounds half-up to the cent', lines: [item('coffee')], offers: [tuesdayPickup], expect: { ok: true, discountCents: 25, totalCents: 220 } },
  { name: 'the best of two offers wins', lines: [lunch(['entrecote'], ['fondant'], 2)], offers: [tuesdayPickup, fiveOff], expect: { ok: true, discountCents: 500, appliedOffer: { id: 'off-5', name: '5 € dès 40 €' } } },
  { name: 'an offer below its minimum order does not apply', lines: [lunch(['burger'], ['tiramisu'])], offers: [fiveOff], expect: { ok: true, appliedOffer: null } },
  { name: 'a discount never exceeds the order', channel: 'web', lines: [item('coffee')], offers: [webVoucher], expect: { ok: true, discountCents: 245, totalCents: 0 } },
  { name: 'a channel-restricted offer ignores phone orders', lines: [item('coffee')], offers: [webVoucher], expect: { ok: true, discountCents: 0 } },
  { name: 'a reservation-only offer ignores orders', lines: [item('coffee')], offers: [reservationOnly], expect: { ok: true, discountCents: 0 } },
  { name: 'an inactive offer', lines: [item('coffee')], offers: [{ ...tuesdayPickup, active: false }], expect: { ok: true, discountCents: 0 } },
  { name: 'an offer after its end date', lines: [item('coffee')], offers: [{ ...tuesdayPickup, endDate: '2026-03-09' }], expect: { ok: true, discountCents: 0 } },
  { name: 'an offer on its last date', lines: [item('coffee')], offers: [{ ...tuesdayPickup, endDate: '2026-03-10' }], expect: { ok: true, discountCents: 25 } },

  // Delivery
  { name: 'delivery without a zone', type: 'delivery', zone: null, lines: [item('coffee')], expect: { ok: false, code: 'no_delivery_zone' } },
  { name: 'delivery one cent under the minimum', type: 'delivery', zone, ...plate(1499), expect: { ok: false, code: 'below_minimum', details: { missingCents: 1, minOrderCents: 1500 } }, message: /Il manque 0,01\u00a0€.*15,00\u00a0€/ },
  { name: 'delivery exactly at the minimum pays the fee', type: 'delivery', zone, ...plate(1500), expect: { ok: true, deliveryFeeCents: 250, totalCents: 1750,
    readBack: [eur('1 × Plateau : 15,00 €'), eur('Livraison : 2,50 €'), eur('Total : 17,50 €')] } },
  { name: 'delivery one cent under free-above pays the fee', type: 'delivery', zone, ...plate(2999), expect: { ok: true, deliveryFeeCents: 250, totalCents: 3249 } },
  { name: 'delivery exactly at free-above is free', type: 'delivery', zone, ...plate(3000), expect: { ok: true, deliveryFeeCents: 0, totalCents: 3000,
    readBack: [eur('1 × Plateau : 30,00 €'), 'Livraison : offerte', eur('Total : 30,00 €')] } },
  { name: 'delivery just over free-above is free', type: 'delivery', zone, ...plate(3001), expect: { ok: true, deliveryFeeCents: 0, totalCents: 3001 } },
  { name: 'the discount counts before the delivery minimum', type: 'delivery', channel: 'web', zone, ...plate(2000), offers: [webVoucher], expect: { ok: false, code: 'below_minimum', details: { missingCents: 500 } } },
  { name: 'the discount counts before free delivery', type: 'delivery', channel: 'web', zone, ...plate(3500), offers: [webVoucher], expect: { ok: true, discountCents: 1000, deliveryFeeCents: 250, totalCents: 2750 } },
  { name: 'a zone without free-above always charges', type: 'delivery', zone: { feeCents: 300, minOrderCents: 0 }, ...plate(9000), expect: { ok: true, deliveryFeeCents: 300 } },
  { name: 'pickup ignores a zone', type: 'pickup', zone, ...plate(100), expect: { ok: true, deliveryFeeCents: 0, totalCents: 100 } },
];

for (const c of cases) {
  t.test(c.name, async (t) => {
    const result = priceOrder({
      menu: c.menu ?? menu, lines: c.lines ?? [], type: c.type ?? 'pickup', channel: c.channel ?? 'phone',
      offers: c.offers ?? [], deliveryZone: c.zone === undefined ? null : c.zone, now: c.now ?? TUE_NOON,
      requestedAt: c.requestedAt ?? null, timeZone: TZ,
    });
    t.match(result, c.expect);
    if ('readBack' in c.expect) t.same((result as { readBack: string[] }).readBack, c.expect.readBack);
    if (c.message) t.match((result as { message: string }).message, c.message);
    if (!result.ok) t.ok(result.message.length > 0, 'a failure always tells the agent what to say');
  });
}

t.test('large totals are grouped the French way', async (t) => {
  const r = priceOrder({ ...plate(123456), type: 'pickup', channel: 'phone', offers: [], deliveryZone: null, now: TUE_NOON, timeZone: TZ });
  t.same(r.ok && r.readBack.at(-1), 'Total : 1\u00a0234,56\u00a0€');
});
