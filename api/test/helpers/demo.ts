// Looks up the demo restaurant's real rows by name, so tests speak the
// restaurateur's language ("a large Margherita") instead of hard-coded ids.
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { DEMO_SLUG } from '../../src/seed/demo-seed.ts';
import { addDays, isoWeekdayOf, toLocal } from '../../src/domain/calendar.ts';

export async function demoMenu(prisma: PrismaClient) {
  const restaurant = await prisma.restaurant.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
  const items = await prisma.menuItem.findMany({ where: { restaurantId: restaurant.id } });
  const options = await prisma.option.findMany({ where: { group: { restaurantId: restaurant.id } }, include: { group: true } });
  const item = (name: string) => {
    const i = items.find((x) => x.name === name);
    if (!i) throw new Error(`no demo item ${name}`);
    return i;
  };
  const option = (group: string, name: string) => {
    const o = options.find((x) => x.group.name === group && x.name === name);
    if (!o) throw new Error(`no demo option ${group}/${name}`);
    return o;
  };
  return { restaurant, item, option };
}

/** A local date at least `minDaysAhead` days ahead on a weekday the demo is open for both services (Tue–Sat). */
export function openDayAhead(now: Date, minDaysAhead = 2, timeZone = 'Europe/Paris'): string {
  let d = addDays(toLocal(now, timeZone).date, minDaysAhead);
  while (![2, 3, 4, 5, 6].includes(isoWeekdayOf(d))) d = addDays(d, 1);
  return d;
}
