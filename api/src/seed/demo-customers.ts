// Regular callers of the demo restaurant and their delivery addresses. Counters
// (orders, spend, reservations) are not written here: demo-seed derives them
// from the orders and reservations so the customer page adds up.
import type { Allergen } from '../generated/prisma/client.ts';

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
