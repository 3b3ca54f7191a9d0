// Every route of the API, called by the demo restaurant's owner with another
// restaurant's ids: each must answer 404, and nothing of the other restaurant
// may change. The route list comes from the live OpenAPI document, so a new
// route is covered the day it is added.
import t from 'tap';
import { startTestApi, client } from '../helpers/test-api.ts';
import { DEMO_OWNER } from '../../src/seed/demo-seed.ts';
import { createForeignRestaurant } from './foreign-restaurant.ts';
import type { MeResponse } from '../../src/contract/index.ts';
import { createServiceToken } from '../helpers/tokens.ts';

type Doc = { paths: Record<string, Record<string, unknown>> };
const NOT_TENANT_SCOPED = /^\/api\/(auth|public|admin)\//;

// Bodies that pass validation, so the answer is about ownership, not syntax.
function bodyFor(method: string, path: string): unknown {
  if (method === 'get' || method === 'delete') return undefined;
  if (/\/status$/.test(path)) return { status: 'cancelled' };
  if (/\/messages\/\{id\}$/.test(path)) return { status: 'done' };
  if (/\/availability$/.test(path)) return { available: false };
  if (/\/addresses$/.test(path)) return { line1: '1 rue Test', postcode: '13001', city: 'Marseille' };
  if (/\/tools\/\{name\}$/.test(path)) return { toolCallId: 'x1', arguments: '{}' };
  if (/\/turns$/.test(path)) return { role: 'caller', text: 'allô' };
  if (/\/end$/.test(path)) return { endedBy: 'caller', endReason: 'x' };
  if (/\/agent\/sessions$/.test(path)) return { did: '+33478000001' }; // the other restaurant's line
  return {};
}

t.test('a restaurateur never sees or changes another restaurant', async (t) => {
  const api = await startTestApi(t);
  const prisma = api.db.prisma;
  const foreign = await createForeignRestaurant(prisma);
  const c = client(api.url);
  const me = (await c.post<MeResponse>('/api/auth/login', DEMO_OWNER)).body;
  const own = me.restaurants[0]!.id;
  const doc = (await c.get<Doc>('/api/openapi.json')).body;
  // Token-only routes (the CLI's) are called with a CLI token of the demo restaurant.
  const cli = client(api.url, { bearer: await createServiceToken(prisma, own, 'cli') });
  const before = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "AuditLog"`);

  function fill(path: string, restaurantId: string): string {
    const collection = /\/restaurants\/\{restaurantId\}\/(.+?)\/\{id\}/.exec(path)?.[1];
    return path
      .replace('{restaurantId}', restaurantId)
      .replace('{id}', foreign.idFor[collection ?? ''] ?? 'missing-id-mapping')
      .replace('{addressId}', foreign.addressId)
      .replace('{orderId}', foreign.orderId)
      .replace('{reservationId}', foreign.reservationId)
      .replace('{callId}', foreign.callId)
      .replace('{name}', 'quote_order');
  }

  let checked = 0;
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (NOT_TENANT_SCOPED.test(path)) continue;
    for (const method of Object.keys(methods)) {
      const body = bodyFor(method, path);
      if (!/\{restaurantId\}|\{callId\}|\/agent\/sessions$/.test(path)) continue; // nothing to point at another restaurant
      const variants = path.includes('{restaurantId}')
        ? [['foreign restaurant', fill(path, foreign.restaurantId)], ...(/\{(id|orderId|reservationId)\}/.test(path) ? [['own restaurant, foreign id', fill(path, own)]] : [])]
        : [['foreign call', fill(path, own)]];
      const who = path.startsWith('/api/provisioning/') ? cli : c;
      for (const [label, url] of variants) {
        const res = await who.request(method.toUpperCase(), url!, body);
        t.equal(res.status, 404, `${method.toUpperCase()} ${path} (${label}) → 404`);
        checked++;
      }
    }
  }
  t.ok(checked > 60, `${checked} route variants checked`);

  const after = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "AuditLog"`);
  t.equal(after[0]!.n, before[0]!.n, 'no write happened anywhere');
  const order = await prisma.order.findUniqueOrThrow({ where: { id: foreign.orderId } });
  t.equal(order.status, 'pending', "the other restaurant's order is untouched");
  t.equal(await prisma.menuItem.count({ where: { restaurantId: foreign.restaurantId } }), 1);
});
