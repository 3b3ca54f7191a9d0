// Where and when guests are served: seating services, rooms and tables,
// delivery zones and the current offers.
import type { DeliveryZoneKind, OfferApplies, OfferKind, OrderChannel, OrderType } from '../generated/prisma/client.ts';
import { demoDateFrom } from './demo-restaurant.ts';

// Bigger parties stay longer; the last bucket catches everything up to maxParty.
const TURN_TIMES = [
  { maxParty: 2, minutes: 60 },
  { maxParty: 4, minutes: 75 },
  { maxParty: 99, minutes: 105 },
];

export const DEMO_SERVICES = [
  {
    name: 'Déjeuner', nameEn: 'Lunch', weekdays: [2, 3, 4, 5, 6, 7],
    startTime: '12:00', endTime: '14:30', lastSeatingTime: '13:45', slotIntervalMinutes: 15,
    maxCoversPerService: 60, maxCoversPerSlot: 16, turnTimes: TURN_TIMES, defaultTurnMinutes: 75,
    minParty: 1, maxParty: 12, prepaymentAboveGuests: 8, sortOrder: 0,
  },
  {
    name: 'Dîner', nameEn: 'Dinner', weekdays: [2, 3, 4, 5, 6, 7],
    startTime: '19:00', endTime: '23:00', lastSeatingTime: '21:45', slotIntervalMinutes: 15,
    maxCoversPerService: 80, maxCoversPerSlot: 20, turnTimes: TURN_TIMES, defaultTurnMinutes: 90,
    minParty: 1, maxParty: 12, prepaymentAboveGuests: 8, sortOrder: 1,
  },
] as const;

export type DemoServiceName = (typeof DEMO_SERVICES)[number]['name'];

/** Returns the turn time the reservation engine would use for a party size. */
export function turnMinutes(partySize: number): number {
  return TURN_TIMES.find((t) => partySize <= t.maxParty)?.minutes ?? 105;
}

interface DemoTable { name: string; min: number; max: number; combinable: boolean }

// Two-seaters along the wall can be pushed together; the four-seaters in the
// middle join up for groups. Terrace tables are fixed (heavy bistro tables).
export const DEMO_ROOMS: { name: string; tables: DemoTable[] }[] = [
  {
    name: 'Salle principale',
    tables: [
      { name: 'T1', min: 1, max: 2, combinable: true },
      { name: 'T2', min: 1, max: 2, combinable: true },
      { name: 'T3', min: 1, max: 2, combinable: false },
      { name: 'T4', min: 1, max: 2, combinable: false },
      { name: 'T5', min: 2, max: 4, combinable: true },
      { name: 'T6', min: 2, max: 4, combinable: true },
      { name: 'T7', min: 2, max: 4, combinable: true },
      { name: 'T8', min: 3, max: 6, combinable: false },
    ],
  },
  {
    name: 'Terrasse',
    tables: [
      { name: 'E1', min: 1, max: 2, combinable: false },
      { name: 'E2', min: 1, max: 2, combinable: false },
      { name: 'E3', min: 1, max: 2, combinable: false },
      { name: 'E4', min: 2, max: 4, combinable: false },
      { name: 'E5', min: 2, max: 4, combinable: false },
    ],
  },
];

export interface DemoZone {
  name: string; kind: DeliveryZoneKind; postcodes: string[]; radiusM: number | null;
  feeCents: number; minOrderCents: number; freeAboveCents: number | null; etaMinutes: number; priority: number;
}

export const DEMO_ZONES: DemoZone[] = [
  { name: 'Centre (13001, 13002)', kind: 'postcodes', postcodes: ['13001', '13002'], radiusM: null,
    feeCents: 250, minOrderCents: 1500, freeAboveCents: 3500, etaMinutes: 30, priority: 0 },
  { name: 'Proche (13003, 13006, 13007)', kind: 'postcodes', postcodes: ['13003', '13006', '13007'], radiusM: null,
    feeCents: 350, minOrderCents: 2000, freeAboveCents: 4500, etaMinutes: 40, priority: 1 },
  { name: 'Rayon 5 km', kind: 'radius', postcodes: [], radiusM: 5000,
    feeCents: 500, minOrderCents: 2500, freeAboveCents: null, etaMinutes: 50, priority: 2 },
];

/** The zone a demo address falls in, as the delivery service would pick it (lowest priority first). */
export function zoneForPostcode(postcode: string): DemoZone {
  const zone = DEMO_ZONES.find((z) => z.kind === 'postcodes' && z.postcodes.includes(postcode))
    ?? DEMO_ZONES.find((z) => z.kind === 'radius');
  if (!zone) throw new Error(`No demo zone for ${postcode}`);
  return zone;
}

export interface DemoOffer {
  key: 'tuesday_pickup' | 'formule_midi';
  kind: OfferKind; name: string; nameEn: string; description: string;
  startDate: string; endDate: string; weekdays: number[]; startTime: string | null; endTime: string | null;
  services: DemoServiceName[]; formula: string | null; discountPercent: number | null;
  orderTypes: OrderType[]; channels: OrderChannel[]; appliesTo: OfferApplies;
}

export function demoOffers(now: Date): DemoOffer[] {
  // A window around `now`, so the offers are live whenever the demo is seeded.
  const startDate = demoDateFrom(now, -60);
  const endDate = demoDateFrom(now, 120);
  return [
    {
      key: 'tuesday_pickup', kind: 'promotion',
      name: 'Mardi : -10 % à emporter', nameEn: 'Tuesday: 10% off pickup',
      description: 'Le mardi, 10 % de remise sur les commandes à emporter passées par téléphone.',
      startDate, endDate, weekdays: [2], startTime: null, endTime: null, services: [], formula: null,
      discountPercent: 10, orderTypes: ['pickup'], channels: ['phone'], appliesTo: 'order',
    },
    {
      key: 'formule_midi', kind: 'special_menu',
      name: 'Formule Midi', nameEn: 'Lunch set menu',
      description: 'Plat, dessert et boisson pour 14,90 €, du mardi au vendredi midi, sur place ou à emporter.',
      startDate, endDate, weekdays: [2, 3, 4, 5], startTime: '11:30', endTime: '14:30', services: ['Déjeuner'],
      formula: 'Formule Midi', discountPercent: null, orderTypes: ['pickup', 'dine_in'], channels: [], appliesTo: 'both',
    },
  ];
}

export function tuesdayPickupOffer(now: Date): DemoOffer {
  const offer = demoOffers(now).find((o) => o.key === 'tuesday_pickup');
  if (!offer) throw new Error('tuesday_pickup offer missing');
  return offer;
}
