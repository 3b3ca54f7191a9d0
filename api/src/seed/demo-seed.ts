// Seeds "Pizzeria Bella", a complete demo restaurant, so a fresh install has a
// menu to call about and a dashboard with a day of activity. All data is built
// in memory first (pure, relative to `now`), then written in one transaction:
// a crash half-way leaves nothing, and the next start simply seeds again.
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { hashPassword } from '../auth/password.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { idsBy, json, need, type Ids, type Tx } from './demo-db.ts';
import { DEMO_CATEGORIES, DEMO_FORMULAS, DEMO_ITEMS, DEMO_OPTION_GROUPS } from './demo-menu.ts';
import { buildActivity, insertActivity, type DemoActivity } from './demo-seed-activity.ts';
import { DEMO_OPENING_HOURS, DEMO_RESTAURANT, DEMO_TEAM, demoClosures, demoPhoneLines } from './demo-restaurant.ts';
import { DEMO_ROOMS, DEMO_SERVICES, DEMO_ZONES, type DemoOffer } from './demo-venue.ts';

export const DEMO_SLUG = 'pizzeria-bella-marseille';
export const DEMO_OWNER = { email: 'demo@voiceorder.local', password: 'demo-voiceorder' } as const;
export const DEMO_ADMIN = { email: 'admin@voiceorder.local', password: 'admin-voiceorder' } as const;

export interface SeedResult { created: boolean; restaurantId: string }

interface DemoUser { email: string; name: string; passwordHash: string; isPlatformAdmin: boolean; role: 'owner' | 'manager' | 'staff' | null }

export async function seedDemo(prisma: PrismaClient, opts: { now: Date; secretBox: SecretBox }): Promise<SeedResult> {
  const existing = await prisma.restaurant.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } });
  if (existing) return { created: false, restaurantId: existing.id };

  // Built before the transaction: a bug in the demo data fails without touching
  // the database, and the slow scrypt hashes run in parallel, outside any lock.
  const activity = buildActivity(opts.now);
  const users = await hashUsers();
  try {
    const restaurantId = await prisma.$transaction((tx) => insertDemo(tx, opts, users, activity), {
      timeout: 60_000, maxWait: 10_000,
    });
    return { created: true, restaurantId };
  } catch (err) {
    // Two processes seeding at once: the slug's unique index refused the loser.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      const winner = await prisma.restaurant.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } });
      if (winner) return { created: false, restaurantId: winner.id };
    }
    throw err;
  }
}

async function hashUsers(): Promise<DemoUser[]> {
  const plain = [
    { email: DEMO_OWNER.email, name: 'Giulia Rossi', password: DEMO_OWNER.password, isPlatformAdmin: false, role: 'owner' as const },
    ...DEMO_TEAM.map((m) => ({ ...m, password: DEMO_OWNER.password, isPlatformAdmin: false })),
    { email: DEMO_ADMIN.email, name: 'Admin VoiceOrder', password: DEMO_ADMIN.password, isPlatformAdmin: true, role: null },
  ];
  return Promise.all(plain.map(async ({ password, ...u }) => ({ ...u, passwordHash: await hashPassword(password) })));
}

async function insertDemo(tx: Tx, opts: { now: Date; secretBox: SecretBox }, users: DemoUser[], a: DemoActivity): Promise<string> {
  const { now } = opts;
  const { id: restaurantId } = await tx.restaurant.create({
    data: {
      slug: DEMO_SLUG, ...DEMO_RESTAURANT,
      openingHours: { createMany: { data: DEMO_OPENING_HOURS } },
      closures: { createMany: { data: demoClosures(now) } },
      // The seeded orders took numbers 1…N; the next real order continues from there.
      orderCounter: { create: { lastNumber: a.orders.length } },
    },
    select: { id: true },
  });

  // Users are global: an install that already has these e-mails keeps its accounts.
  await tx.user.createMany({
    data: users.map(({ role: _role, ...u }) => u),
    skipDuplicates: true,
  });
  const userIds = idsBy(await tx.user.findMany({ where: { email: { in: users.map((u) => u.email) } }, select: { id: true, email: true } }), (u) => u.email);
  await tx.membership.createMany({
    data: users.flatMap((u) => (u.role ? [{ userId: need(userIds, u.email, 'user'), restaurantId, role: u.role }] : [])),
  });

  const lineIds = idsBy(await tx.phoneLine.createManyAndReturn({
    data: demoPhoneLines(opts.secretBox).map((l) => ({ ...l, restaurantId })), select: { id: true, did: true },
  }), (l) => l.did);

  const itemIds = await insertMenu(tx, restaurantId);
  const venue = await insertVenue(tx, restaurantId, itemIds, a.offers);
  await insertActivity(tx, restaurantId, now, a, { itemIds, lineIds, ...venue });
  return restaurantId;
}

async function insertMenu(tx: Tx, restaurantId: string): Promise<Map<string, string>> {
  const categoryIds = idsBy(await tx.menuCategory.createManyAndReturn({
    data: DEMO_CATEGORIES.map((c, i) => ({ restaurantId, name: c.name, nameEn: c.nameEn, description: c.description, sortOrder: i })),
    select: { id: true, name: true },
  }), (c) => c.name);

  const itemIds = idsBy(await tx.menuItem.createManyAndReturn({
    data: DEMO_CATEGORIES.flatMap((c) => c.items.map((item, i) => ({
      restaurantId, categoryId: need(categoryIds, c.name, 'category'),
      name: item.name, nameEn: item.nameEn, description: item.description, priceCents: item.priceCents,
      allergens: item.allergens, dietaryTags: item.tags, available: !item.soldOut, sortOrder: i * 10,
      prepMinutes: item.prepMinutes ?? null,
    }))),
    select: { id: true, name: true },
  }), (i) => i.name);

  const groupIds = idsBy(await tx.optionGroup.createManyAndReturn({
    data: DEMO_OPTION_GROUPS.map((g, i) => ({
      restaurantId, name: g.name, nameEn: g.nameEn, minSelect: g.minSelect, maxSelect: g.maxSelect, required: g.required, sortOrder: i,
    })),
    select: { id: true, name: true },
  }), (g) => g.name);

  await tx.option.createMany({
    data: DEMO_OPTION_GROUPS.flatMap((g) => g.options.map((o, i) => ({
      groupId: need(groupIds, g.name, 'option group'), name: o.name, nameEn: o.nameEn, priceDeltaCents: o.priceDeltaCents,
      allergens: o.allergens ?? [], isDefault: o.isDefault ?? false, sortOrder: i,
    }))),
  });
  await tx.menuItemOptionGroup.createMany({
    data: DEMO_ITEMS.flatMap((item) => item.groupNames.map((g, i) => ({
      itemId: need(itemIds, item.name, 'item'), groupId: need(groupIds, g, 'option group'), sortOrder: i,
    }))),
  });
  return itemIds;
}

async function insertVenue(tx: Tx, restaurantId: string, itemIds: Map<string, string>, offers: DemoOffer[]): Promise<Omit<Ids, 'itemIds' | 'lineIds'>> {
  const serviceIds = idsBy(await tx.diningService.createManyAndReturn({
    data: DEMO_SERVICES.map((s) => ({ ...s, weekdays: [...s.weekdays], turnTimes: json(s.turnTimes), restaurantId })),
    select: { id: true, name: true },
  }), (s) => s.name);
  const servicesOf = (names: readonly string[]): string[] => names.map((n) => need(serviceIds, n, 'service'));

  const formulaIds = idsBy(await tx.formula.createManyAndReturn({
    data: DEMO_FORMULAS.map((f, i) => ({
      restaurantId, name: f.name, nameEn: f.nameEn, description: f.description, priceCents: f.priceCents,
      weekdays: f.weekdays, serviceIds: servicesOf(f.services), sortOrder: i,
    })),
    select: { id: true, name: true },
  }), (f) => f.name);

  const steps = DEMO_FORMULAS.flatMap((f) => f.steps.map((s, i) => ({ formula: f.name, step: s, sortOrder: i })));
  const stepIds = idsBy(await tx.formulaStep.createManyAndReturn({
    data: steps.map(({ formula, step, sortOrder }) => ({
      formulaId: need(formulaIds, formula, 'formula'), name: step.name, nameEn: step.nameEn,
      minChoices: step.minChoices, maxChoices: step.maxChoices, sortOrder,
    })),
    select: { id: true, formulaId: true, name: true },
  }), (s) => `${s.formulaId}/${s.name}`);
  await tx.formulaStepChoice.createMany({
    data: steps.flatMap(({ formula, step }) => step.choices.map(([item, supplementCents]) => ({
      stepId: need(stepIds, `${need(formulaIds, formula, 'formula')}/${step.name}`, 'formula step'),
      itemId: need(itemIds, item, 'item'), supplementCents,
    }))),
  });

  const offerIds = idsBy(await tx.offer.createManyAndReturn({
    data: offers.map(({ key: _key, services, formula, ...o }) => ({
      ...o, restaurantId, serviceIds: servicesOf(services), formulaId: formula ? need(formulaIds, formula, 'formula') : null,
    })),
    select: { id: true, name: true },
  }), (o) => o.name);

  const roomIds = idsBy(await tx.diningRoom.createManyAndReturn({
    data: DEMO_ROOMS.map((r, i) => ({ restaurantId, name: r.name, sortOrder: i })), select: { id: true, name: true },
  }), (r) => r.name);
  const tableIds = idsBy(await tx.diningTable.createManyAndReturn({
    data: DEMO_ROOMS.flatMap((r) => r.tables.map((t, i) => ({
      restaurantId, roomId: need(roomIds, r.name, 'room'), name: t.name,
      minCapacity: t.min, maxCapacity: t.max, combinable: t.combinable, sortOrder: i,
    }))),
    select: { id: true, name: true },
  }), (t) => t.name);

  const zoneIds = idsBy(await tx.deliveryZone.createManyAndReturn({
    data: DEMO_ZONES.map((z) => ({ ...z, restaurantId })), select: { id: true, name: true },
  }), (z) => z.name);

  return { serviceIds, formulaIds, offerIds, roomIds, tableIds, zoneIds };
}

