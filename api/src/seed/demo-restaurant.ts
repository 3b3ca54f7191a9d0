// The demo restaurant itself: identity, AI settings, hours, team and phone lines.
import type { Prisma } from '../generated/prisma/client.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { addDays, localDateOf } from './demo-clock.ts';

export const DEMO_RESTAURANT = {
  name: 'Pizzeria Bella',
  legalName: 'Bella Marseille SARL',
  phone: '+33491000000',
  email: 'contact@pizzeria-bella.example',
  timeZone: 'Europe/Paris',
  locale: 'fr',
  currency: 'EUR',
  addressLine1: '12 rue de la République',
  postcode: '13002',
  city: 'Marseille',
  countryCode: 'FR',
  latitude: 43.2985,
  longitude: 5.37,
  prepLeadMinutes: 20,
  kitchenSlotMaxOrders: 6,
  kitchenSlotMaxItems: 20,
  aiLanguage: 'fr',
  aiGreeting:
    "Bonjour, Pizzeria Bella, je suis l'assistant vocal du restaurant. Je peux prendre votre commande à emporter " +
    'ou en livraison, réserver une table ou répondre à vos questions. Que puis-je faire pour vous ?',
  aiPersonaNotes:
    'Ton chaleureux et simple, vouvoiement. Toujours relire la commande avec le total avant de la valider. ' +
    "Proposer la taille Grande et un dessert une fois, sans insister. En cas d'allergie, ne jamais garantir " +
    "l'absence de traces : la cuisine utilise farine de blé, fruits à coque et poisson. Pour un groupe de plus " +
    'de 12 personnes ou une privatisation, transférer à l’équipe ou prendre un message.',
  callHandlingMode: 'ai_all',
  transferTargetKind: 'endpoint',
  transferTarget: 'ht841-fxs-1',
} satisfies Omit<Prisma.RestaurantCreateInput, 'slug'>;

// ISO weekdays 2-7: Monday is the closing day, as for most Marseille pizzerias.
export const DEMO_OPENING_HOURS: { weekday: number; opensAt: string; closesAt: string }[] = [2, 3, 4, 5, 6, 7].flatMap(
  (weekday) => [
    { weekday, opensAt: '11:30', closesAt: '14:30' },
    { weekday, opensAt: '18:30', closesAt: '22:30' },
  ],
);

/** The next Christmas Day still ahead of `now`, so the closure is always in the future. */
export function demoClosures(now: Date): { startDate: string; endDate: string; reason: string }[] {
  const today = localDateOf(now);
  const year = Number(today.slice(0, 4));
  const christmas = today < `${year}-12-25` ? `${year}-12-25` : `${year + 1}-12-25`;
  return [{ startDate: christmas, endDate: christmas, reason: 'Noël' }];
}

/** Past or future local date `days` from today, for data windows such as offers. */
export function demoDateFrom(now: Date, days: number): string {
  return addDays(localDateOf(now), days);
}

// Same password as the owner's, so every role can be tried from the login page.
export const DEMO_TEAM = [
  { email: 'manager@voiceorder.local', name: 'Marco Bianchi', role: 'manager' },
  { email: 'staff@voiceorder.local', name: 'Inès Haddad', role: 'staff' },
] as const;

export function demoPhoneLines(secretBox: SecretBox): Omit<Prisma.PhoneLineCreateManyInput, 'restaurantId'>[] {
  return [
    {
      did: '+33491000000',
      label: 'Ligne principale (trunk OVH)',
      kind: 'ovh_trunk',
      endpointName: 'ovh-trunk',
      sipUsername: '0033491000000',
      sipSecretEnc: secretBox.seal('demo-sip-secret'),
      sipServer: 'sip3.ovh.fr',
      codec: 'alaw',
    },
    {
      // The old copper line, still printed on the menus, arrives through the HT841.
      did: '+33491000001',
      label: 'Ancienne ligne (HT841 port 1)',
      kind: 'ht841_port',
      endpointName: 'ht841-fxo-1',
      port: 1,
      codec: 'alaw',
    },
  ];
}
