// Demo orders: today's live board (every status, placed over the last hours so
// nothing sits in the future) and a week of completed orders for the charts.
import type { OrderStatus, OrderType, Source } from '../generated/prisma/client.ts';
import { isoWeekday, localDateOf, localMinutesOf, localToUtc, plusMinutes, serviceDate } from './demo-clock.ts';
import { demoAddress, demoCustomer, fullName, type DemoAddress } from './demo-customers.ts';
import { priceOrder, type LineSpec, type PricedOrder } from './demo-pricing.ts';
import { DEMO_RESTAURANT } from './demo-restaurant.ts';
import { demoOffers, zoneForPostcode, type DemoZone } from './demo-venue.ts';

interface OrderSpec {
  type: OrderType; status: OrderStatus; source: Source;
  customer?: string; addressLabel?: string; walkInName?: string; callKey?: string;
  lines: LineSpec[]; notes?: string; cancelReason?: string;
  /** Minutes from creation to the requested time; absent = as soon as possible. */
  requestedInMin?: number;
}

export interface OrderDraft extends PricedOrder {
  number: number; idempotencyKey: string;
  type: OrderType; status: OrderStatus; source: Source;
  customerKey: string | null; customerName: string | null; customerPhone: string | null; callKey: string | null;
  createdAt: Date; requestedFor: Date | null; promisedAt: Date;
  statusChangedAt: Date; confirmedAt: Date | null; completedAt: Date | null; cancelledAt: Date | null;
  delivery: { address: DemoAddress; zone: DemoZone; distanceM: number; durationS: number } | null;
  notes: string | null; allergyNotes: string | null; cancelReason: string | null;
}

// Oldest first: the further along the kitchen flow, the earlier it was placed.
// `at` is the share of the look-back window before `now`.
const TODAY: (OrderSpec & { at: number })[] = [
  { at: 1, type: 'dine_in', status: 'completed', source: 'dashboard', walkInName: 'Table T4', lines: [
    { item: 'Margherita', qty: 2 }, { item: 'Diavola', options: [['Taille', 'Grande']] },
    { item: 'Bière Peroni 33 cl', qty: 2 }, { item: 'Tiramisu' }] },
  { at: 0.85, type: 'pickup', status: 'completed', source: 'phone_staff', customer: 'jeanpierre', lines: [
    { item: 'Moitié-moitié', options: [['Taille', 'Grande']] }, { item: 'Lasagnes maison' }, { item: 'Rosé de Provence 75 cl' }] },
  { at: 0.7, type: 'delivery', status: 'out_for_delivery', source: 'phone_ai', customer: 'sophie', callKey: 'order_sophie', lines: [
    { item: 'Margherita', options: [['Suppléments', 'Burrata']] }, { item: 'Végétarienne' },
    { item: 'Panna cotta', qty: 2 }, { item: 'San Pellegrino 50 cl' }],
    notes: 'Appeler à l’arrivée, ne pas sonner (bébé qui dort).' },
  { at: 0.55, type: 'pickup', status: 'cancelled', source: 'phone_staff', customer: 'thomas',
    cancelReason: 'Le client a rappelé pour annuler : retenu au travail.', lines: [
      { item: 'Calzone' }, { item: 'Coca-Cola Zéro 33 cl' }] },
  { at: 0.45, type: 'pickup', status: 'ready', source: 'dashboard', walkInName: 'Nadia (comptoir)', lines: [
    { item: 'Quatre fromages' }, { item: 'Regina', options: [['Suppléments', 'Œuf']] }, { item: 'Coca-Cola 33 cl', qty: 2 }] },
  { at: 0.3, type: 'delivery', status: 'preparing', source: 'phone_staff', customer: 'marc', addressLabel: 'Bureau', lines: [
    { item: 'Regina', qty: 2 }, { item: 'Quatre fromages', options: [['Taille', 'Grande']] },
    { item: 'Carbonara', options: [['Pâtes', 'Tagliatelles fraîches']] }, { item: 'Eau minérale 50 cl', qty: 4 }] },
  { at: 0.15, type: 'pickup', status: 'confirmed', source: 'phone_ai', customer: 'karim', callKey: 'order_karim', requestedInMin: 45,
    notes: 'Pizza bien cuite.', lines: [
      { item: 'Regina', options: [['Taille', 'Grande'], ['Suppléments', 'Piment']] }, { item: 'Diavola' },
      { item: 'Coca-Cola 33 cl', qty: 2 }] },
  { at: 0.04, type: 'delivery', status: 'pending', source: 'phone_ai', customer: 'lea', callKey: 'order_lea', lines: [
    { item: 'Pesto alla genovese', options: [['Pâtes', 'Penne']] }, { item: 'Bruschetta tomates basilic' },
    { formula: 'Menu Enfant', choices: [['Plat', 'Margherita'], ['Dessert', 'Pizza Nutella'], ['Boisson', 'Limonade artisanale 33 cl']] }] },
];

// Completed orders on the previous service days. `day` picks which one:
// 'tuesday' and 'weekday_lunch' keep the Tuesday offer and the Formule Midi honest.
const PAST: (OrderSpec & { day: number | 'tuesday' | 'weekday_lunch'; time: string })[] = [
  { day: 'weekday_lunch', time: '12:20', type: 'dine_in', status: 'completed', source: 'dashboard', walkInName: 'Table T6', lines: [
    { formula: 'Formule Midi', qty: 2, choices: [['Plat', 'Regina'], ['Dessert', 'Tiramisu'], ['Boisson', 'Café expresso']] },
    { formula: 'Formule Midi', choices: [['Plat', 'Parma'], ['Dessert', 'Fondant au chocolat'], ['Boisson', 'Eau minérale 50 cl']] }] },
  { day: 'tuesday', time: '19:40', type: 'pickup', status: 'completed', source: 'phone_ai', customer: 'karim', lines: [
    { item: 'Regina', options: [['Taille', 'Grande']] }, { item: 'Marinara' }, { item: 'Coca-Cola 33 cl', qty: 2 }] },
  { day: 0, time: '20:15', type: 'delivery', status: 'completed', source: 'phone_ai', customer: 'sophie', lines: [
    { item: 'Saumon' }, { item: 'Arrabbiata', options: [['Pâtes', 'Penne']] }, { item: 'Tiramisu' }] },
  { day: 1, time: '12:35', type: 'delivery', status: 'completed', source: 'phone_staff', customer: 'marc', addressLabel: 'Bureau', lines: [
    { item: 'Margherita', qty: 3 }, { item: 'Calzone' }, { item: 'Salade César' }, { item: 'San Pellegrino 50 cl', qty: 3 }] },
  { day: 1, time: '19:55', type: 'pickup', status: 'completed', source: 'dashboard', walkInName: 'Paul', lines: [
    { item: 'Napolitaine' }, { item: 'Bière Peroni 33 cl' }] },
  { day: 2, time: '20:30', type: 'dine_in', status: 'completed', source: 'dashboard', walkInName: 'Table T8', lines: [
    { item: 'Antipasti misti' }, { item: 'Tartufo' }, { item: 'Parma', options: [['Suppléments', 'Burrata']] },
    { item: 'Bianca' },
    { formula: 'Menu Enfant', qty: 2, choices: [['Plat', 'Bolognaise'], ['Dessert', 'Panna cotta'], ['Boisson', 'Eau minérale 50 cl']] },
    { item: 'Chianti 75 cl' }] },
  { day: 3, time: '21:05', type: 'delivery', status: 'completed', source: 'phone_ai', customer: 'jeanpierre', lines: [
    { item: 'Moitié-moitié', options: [['Taille', 'Grande'], ['Suppléments', 'Olives']] }, { item: 'Panisses marseillaises' },
    { item: 'Fondant au chocolat' }] },
  { day: 4, time: '12:50', type: 'pickup', status: 'completed', source: 'phone_ai', customer: 'lea', lines: [
    { item: 'Végétarienne', options: [['Suppléments', 'Champignons']] }, { item: 'Limonade artisanale 33 cl' }] },
  { day: 4, time: '20:10', type: 'dine_in', status: 'completed', source: 'dashboard', walkInName: 'Table E4', lines: [
    { item: 'Burrata des Pouilles' }, { item: 'Chèvre miel' }, { item: 'Savoyarde' }, { item: 'Rosé de Provence 75 cl' }] },
  { day: 5, time: '19:35', type: 'delivery', status: 'completed', source: 'phone_ai', customer: 'thomas', lines: [
    { item: 'Diavola', options: [['Taille', 'Grande']] }, { item: 'Bolognaise', options: [['Pâtes', 'Spaghetti']] },
    { item: 'Coca-Cola 33 cl' }] },
];

function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2
    + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

/** Road distance and scooter time as a routing API would roughly return them for the old town. */
function route(a: DemoAddress): { distanceM: number; durationS: number } {
  const straight = haversineM(DEMO_RESTAURANT.latitude, DEMO_RESTAURANT.longitude, a.latitude, a.longitude);
  const distanceM = Math.round((straight * 1.35) / 10) * 10;
  return { distanceM, durationS: Math.round(distanceM / 4.5 + 60) };
}

function build(spec: OrderSpec, createdAt: Date, now: Date): Omit<OrderDraft, 'number' | 'idempotencyKey'> {
  const offers = demoOffers(now);
  const date = localDateOf(createdAt);
  const customer = spec.customer ? demoCustomer(spec.customer) : null;
  const address = spec.type === 'delivery' && spec.customer ? demoAddress(spec.customer, spec.addressLabel) : null;
  if (spec.type === 'delivery' && !address) throw new Error('Demo delivery order without an address');
  const zone = address ? zoneForPostcode(address.postcode) : null;
  const priced = priceOrder(spec.lines, {
    type: spec.type, channel: spec.source === 'dashboard' ? 'dashboard' : 'phone',
    date, weekday: isoWeekday(date), zone, offers,
  });
  // Timestamps never pass `now`, however early in the day the demo is seeded.
  const at = (min: number): Date => new Date(Math.min(now.getTime(), plusMinutes(createdAt, min).getTime()));
  const requestedFor = spec.requestedInMin ? quarterHourAfter(plusMinutes(createdAt, spec.requestedInMin)) : null;
  const promisedAt = requestedFor ?? plusMinutes(createdAt, DEMO_RESTAURANT.prepLeadMinutes + (zone ? zone.etaMinutes : 5));
  const s = spec.status;
  const confirmedAt = s === 'pending' ? null : at(1);
  const completedAt = s === 'completed' ? at(spec.type === 'dine_in' ? 70 : spec.type === 'delivery' ? 45 : 30) : null;
  const cancelledAt = s === 'cancelled' ? at(12) : null;
  const changed: Record<OrderStatus, Date> = {
    pending: createdAt, confirmed: confirmedAt ?? createdAt, preparing: at(6), ready: at(20),
    out_for_delivery: at(25), completed: completedAt ?? createdAt, cancelled: cancelledAt ?? createdAt,
  };
  return {
    ...priced,
    type: spec.type, status: s, source: spec.source,
    customerKey: customer?.key ?? null,
    customerName: customer ? fullName(customer) : spec.walkInName ?? null,
    customerPhone: customer?.phone ?? null,
    callKey: spec.callKey ?? null,
    createdAt, requestedFor, promisedAt,
    statusChangedAt: changed[s], confirmedAt, completedAt, cancelledAt,
    delivery: address && zone ? { address, zone, ...route(address) } : null,
    notes: spec.notes ?? null,
    allergyNotes: spec.type !== 'dine_in' ? customer?.allergyNotes ?? null : null,
    cancelReason: spec.cancelReason ?? null,
  };
}

function quarterHourAfter(d: Date): Date {
  const q = 15 * 60_000;
  return new Date(Math.ceil(d.getTime() / q) * q);
}

function pastDate(now: Date, day: number | 'tuesday' | 'weekday_lunch'): string {
  // Seven days back, Mondays skipped (closed): always six service days, one of them a Tuesday.
  const days = [1, 2, 3, 4, 5, 6, 7].map((n) => serviceDate(now, -n)).filter((d, i, all) => all.indexOf(d) === i);
  const pick = day === 'tuesday' ? days.find((d) => isoWeekday(d) === 2)
    : day === 'weekday_lunch' ? days.find((d) => isoWeekday(d) >= 2 && isoWeekday(d) <= 5)
    : days[day % days.length];
  if (!pick) throw new Error(`No past service day for ${day}`);
  return pick;
}

export function buildDemoOrders(now: Date): OrderDraft[] {
  // Today's orders spread from the lunch opening (11:30) to now, at most three
  // hours back; before opening they squeeze into the last half hour.
  const window = Math.max(30, Math.min(180, localMinutesOf(now) - (11 * 60 + 30)));
  const drafts = [
    ...PAST.map((p) => build(p, localToUtc(pastDate(now, p.day), p.time), now)),
    // At least four minutes back, so the calls that placed them have ended by `now`.
    ...TODAY.map((t) => build(t, plusMinutes(now, -Math.max(4, Math.round(window * t.at))), now)),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return drafts.map((d, i) => ({ ...d, number: i + 1, idempotencyKey: `seed-order-${i + 1}` }));
}
