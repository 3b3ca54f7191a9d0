// The restaurateur's catalog: menu, formules, services, offers, rooms, tables,
// delivery zones, opening hours and closures.
export * from './catalog-common.ts';
export * from './catalog-menu.ts';
export * from './catalog-formula.ts';
export * from './catalog-venue.ts';
export * from './catalog-zones.ts';
