// One API per test file, logged in as the demo owner, plus a second
// restaurant (with a category and an item) to try cross-restaurant ids with.
import type { Test } from 'tap';
import { client, startTestApi } from '../helpers/test-api.ts';
import { DEMO_OWNER } from '../../src/seed/demo-seed.ts';
import type { MeResponse } from '../../src/contract/index.ts';

export interface FieldError { error: { code: string; message: string; details?: { fields?: Array<{ path: string; message: string }> } } }
export const fieldPaths = (body: unknown): string[] => ((body as FieldError).error.details?.fields ?? []).map((f) => f.path);

export async function catalogFixture(t: Test) {
  const api = await startTestApi(t);
  const owner = client(api.url);
  const login = await owner.post<MeResponse>('/api/auth/login', DEMO_OWNER);
  const restaurantId = login.body.restaurants[0]!.id;
  const staff = client(api.url);
  await staff.post('/api/auth/login', { email: 'staff@voiceorder.local', password: DEMO_OWNER.password });

  const prisma = api.db.prisma;
  const foreign = await prisma.restaurant.create({
    data: { slug: 'ailleurs-catalog', name: 'Ailleurs', addressLine1: '1 quai du Port', postcode: '13002', city: 'Marseille' },
  });
  const foreignCategory = await prisma.menuCategory.create({ data: { restaurantId: foreign.id, name: 'Pizzas' } });
  const foreignItem = await prisma.menuItem.create({
    data: { restaurantId: foreign.id, categoryId: foreignCategory.id, name: 'Pizza étrangère', priceCents: 1000 },
  });

  const base = `/api/restaurants/${restaurantId}`;
  return { api, prisma, owner, staff, restaurantId, base, foreign, foreignCategory, foreignItem };
}
