// Regular callers of the demo restaurant and their delivery addresses. Counters
// (orders, spend, reservations) are not written here: demo-seed derives them
// from the orders and reservations so the customer page adds up.
import type { Allergen } from '../generated/prisma/client.ts';
import type { CallDraft } from './demo-calls.ts';
import type { OrderDraft } from './demo-orders.ts';
import type { ReservationDraft } from './demo-reservations.ts';

export interface DemoAddress {
  label: string; line1: string; line2?: string; postcode: string; latitude: number; longitude: number;
  deliveryInstructions?: string;
}

export interface DemoCustomer {
  key: string; phone: string; firstName: string; lastName: string; email?: string;
  notes?: string; allergies?: Allergen[]; allergyNotes?: string;
  marketingConsent: boolean; locale?: 'fr' | 'en';
  /** Days before `now` the customer was first seen. */
  sinceDays: number;
  addresses: DemoAddress[];
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    key: 'karim', phone: '+33612345678', firstName: 'Karim', lastName: 'Benali', email: 'karim.benali@example.fr',
    notes: 'Habitué du mardi, prend toujours sa pizza bien cuite.', marketingConsent: true, sinceDays: 240,
    addresses: [{
      label: 'Maison', line1: '25 rue de la Loge', postcode: '13002', latitude: 43.29675, longitude: 5.36905,
      deliveryInstructions: 'Code 1234B, 3e étage gauche',
    }],
  },
  {
    key: 'sophie', phone: '+33623456789', firstName: 'Sophie', lastName: 'Martin', email: 'sophie.martin@example.fr',
    notes: 'Préfère être appelée à l’arrivée du livreur.', allergies: ['nuts'],
    allergyNotes: 'Allergie sévère aux fruits à coque (noix, pistache, noisette).', marketingConsent: false, sinceDays: 120,
    addresses: [{
      label: 'Maison', line1: '52 rue Sylvabelle', postcode: '13006', latitude: 43.28816, longitude: 5.37548,
      deliveryInstructions: 'Interphone « Martin », 2e étage, pas d’ascenseur',
    }],
  },
  {
    key: 'marc', phone: '+33634567890', firstName: 'Marc', lastName: 'Giraud',
    notes: 'Organise souvent des repas d’équipe le vendredi midi.', marketingConsent: true, sinceDays: 400,
    addresses: [
      { label: 'Bureau', line1: '3 place de la Joliette', line2: 'Les Docks, bâtiment C', postcode: '13002',
        latitude: 43.30448, longitude: 5.36652, deliveryInstructions: 'Accueil au rez-de-chaussée, demander M. Giraud' },
      { label: 'Maison', line1: '14 rue Paradis', postcode: '13001', latitude: 43.29437, longitude: 5.37712,
        deliveryInstructions: 'Code 0518, 4e étage' },
    ],
  },
  {
    key: 'lea', phone: '+33678901234', firstName: 'Léa', lastName: 'Nguyen', email: 'lea.nguyen@example.fr',
    marketingConsent: true, sinceDays: 60,
    addresses: [{
      label: 'Maison', line1: '10 cours Julien', postcode: '13006', latitude: 43.29396, longitude: 5.38303,
      deliveryInstructions: 'Porte verte à côté de la librairie, 1er étage',
    }],
  },
  {
    key: 'jeanpierre', phone: '+33745123456', firstName: 'Jean-Pierre', lastName: 'Fabre',
    notes: 'Client historique, parle fort : bien répéter le total.', marketingConsent: false, sinceDays: 700,
    addresses: [{
      label: 'Maison', line1: '40 boulevard des Dames', postcode: '13002', latitude: 43.30251, longitude: 5.36878,
      deliveryInstructions: 'Code 4821A, 5e étage droite',
    }],
  },
  {
    key: 'thomas', phone: '+33756789012', firstName: 'Thomas', lastName: 'Durand', locale: 'en',
    notes: 'Expatrié, préfère parler anglais.', marketingConsent: false, sinceDays: 20,
    addresses: [{
      label: 'Appartement', line1: '9 rue d’Aubagne', postcode: '13001', latitude: 43.29551, longitude: 5.38018,
      deliveryInstructions: 'Sonner à « Durand », 3e étage',
    }],
  },
];

export function demoCustomer(key: string): DemoCustomer {
  const c = DEMO_CUSTOMERS.find((x) => x.key === key);
  if (!c) throw new Error(`Unknown demo customer "${key}"`);
  return c;
}

/** The delivery address for an order: the first one unless a label is given. */
export function demoAddress(key: string, label?: string): DemoAddress {
  const c = demoCustomer(key);
  const a = label ? c.addresses.find((x) => x.label === label) : c.addresses[0];
  if (!a) throw new Error(`Demo customer "${key}" has no address ${label ?? ''}`);
  return a;
}

export function fullName(c: DemoCustomer): string {
  return `${c.firstName} ${c.lastName}`;
}

export interface CustomerStats {
  orderCount: number; totalSpentCents: number; lastOrderAt: Date | null;
  reservationCount: number; noShowCount: number; lastCallAt: Date | null;
}

/**
 * The customer counters as the order and reservation services keep them:
 * cancelled orders and bookings do not count, a no-show counts as a booking
 * and as a no-show.
 */
export function customerStats(orders: OrderDraft[], reservations: ReservationDraft[], calls: CallDraft[]): Map<string, CustomerStats> {
  const latest = (dates: Date[]): Date | null => (dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null);
  return new Map(DEMO_CUSTOMERS.map((c) => {
    const own = orders.filter((o) => o.customerKey === c.key && o.status !== 'cancelled');
    const resas = reservations.filter((r) => r.customerKey === c.key && r.status !== 'cancelled');
    return [c.key, {
      orderCount: own.length,
      totalSpentCents: own.reduce((s, o) => s + o.totalCents, 0),
      lastOrderAt: latest(own.map((o) => o.createdAt)),
      reservationCount: resas.length,
      noShowCount: resas.filter((r) => r.status === 'no_show').length,
      lastCallAt: latest(calls.filter((x) => x.customerKey === c.key).map((x) => x.startedAt)),
    }];
  }));
}
