import t from 'tap';
import { createTestDatabase } from './helpers/test-db.ts';
import { connectPgRunner } from '../src/db/sql-runner.ts';
import { openDatabase } from '../src/db/database.ts';
import { createSecretBox } from '../src/crypto/secret-box.ts';
import { DEMO_OWNER, DEMO_SLUG, seedDemo } from '../src/seed/demo-seed.ts';
import { verifyPassword } from '../src/auth/password.ts';

/** Every row of every table, hashed: equal fingerprints mean equal data. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const db = await connectPgRunner(url);
  try {
    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { table_name } of tables) {
      const [row] = await db.query<{ n: string; h: string | null }>(
        `SELECT count(*)::text AS n, md5(string_agg(md5(x::text), ',' ORDER BY md5(x::text))) AS h FROM "${table_name}" x`,
      );
      out[table_name] = `${row?.n}:${row?.h ?? '-'}`;
    }
    return out;
  } finally {
    await db.close();
  }
}

t.test('the demo seed is realistic and running it twice changes nothing', async (t) => {
  const tdb = await createTestDatabase({ migrated: true });
  t.teardown(() => tdb.drop());
  const db = await openDatabase({ kind: 'postgres', url: tdb.url });
  t.teardown(() => db.close());
  const secretBox = createSecretBox(Buffer.alloc(32, 3));
  const now = new Date('2026-11-21T12:30:00Z'); // a Saturday lunchtime in Marseille

  const first = await seedDemo(db.prisma, { now, secretBox });
  t.equal(first.created, true);
  const before = await fingerprint(tdb.url);

  const second = await seedDemo(db.prisma, { now: new Date(now.getTime() + 3_600_000), secretBox });
  t.same(second, { created: false, restaurantId: first.restaurantId });
  t.same(await fingerprint(tdb.url), before, 'every table is byte-for-byte the same');

  const p = db.prisma;
  const r = await p.restaurant.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
  t.equal(r.timeZone, 'Europe/Paris');
  const items = await p.menuItem.count({ where: { restaurantId: r.id } });
  t.ok(items >= 35 && items <= 50, `about 40 menu items (${items})`);
  t.equal(await p.formula.count({ where: { restaurantId: r.id } }), 2, 'two formules');
  t.same((await p.diningService.findMany({ where: { restaurantId: r.id }, orderBy: { startTime: 'asc' } })).map((s) => s.name), ['Déjeuner', 'Dîner']);
  t.equal(await p.diningRoom.count({ where: { restaurantId: r.id } }), 2);
  t.same(new Set((await p.deliveryZone.findMany({ where: { restaurantId: r.id } })).map((z) => z.kind)), new Set(['postcodes', 'radius']));
  t.ok((await p.offer.count({ where: { restaurantId: r.id, active: true } })) >= 1, 'a current offer');
  t.ok((await p.callTurn.count()) > 10, 'past calls have transcripts');

  const orders = await p.order.findMany({ where: { restaurantId: r.id }, include: { items: true } });
  for (const o of orders) {
    const lines = o.items.reduce((s, i) => s + i.lineTotalCents, 0);
    t.equal(o.subtotalCents, lines, `order ${o.number}: subtotal is the sum of its lines`);
    t.equal(o.totalCents, o.subtotalCents - o.discountCents + o.deliveryFeeCents, `order ${o.number}: total adds up`);
  }
  t.ok(new Set(orders.map((o) => o.status)).size >= 5, 'orders in various statuses');

  const owner = await p.user.findUniqueOrThrow({ where: { email: DEMO_OWNER.email } });
  t.ok(await verifyPassword(DEMO_OWNER.password, owner.passwordHash), 'the printed demo login works');
  const line = await p.phoneLine.findFirstOrThrow({ where: { restaurantId: r.id, kind: 'ovh_trunk' } });
  t.not(line.sipSecretEnc, 'demo-sip-secret', 'SIP secrets are stored encrypted');
  t.equal(secretBox.open(line.sipSecretEnc!), 'demo-sip-secret');
});
