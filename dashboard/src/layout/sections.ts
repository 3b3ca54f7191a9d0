/** Side-nav entries in display order; the key is both the URL segment and the `nav.*` translation key. */
export const SECTIONS = [
  'overview',
  'orders',
  'planning',
  'reservations',
  'menu',
  'setMenus',
  'services',
  'offers',
  'rooms',
  'deliveryZones',
  'faq',
  'customers',
  'messages',
  'calls',
  'settings',
  'testCall',
] as const;
export type Section = (typeof SECTIONS)[number];

export const isSection = (v: string | null): v is Section => SECTIONS.includes(v as Section);
