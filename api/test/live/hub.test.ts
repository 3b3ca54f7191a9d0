// The hub on its own, as several API processes would run it against one
// PostgreSQL database: LISTEN/NOTIFY across processes, reconnection, polling.
import t from 'tap';
import pg from 'pg';
import { createTestDatabase } from '../helpers/test-db.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { createLogger } from '../../src/logger.ts';
import { createLiveHub, type LiveEvent, type LiveHub, type LiveHubOptions } from '../../src/live/hub.ts';
import { publishLiveEvent } from '../../src/live/publish.ts';
import { pruneLiveEvents } from '../../src/live/live-event-repository.ts';

const tdb = await createTestDatabase({ migrated: true });
const log = createLogger('silent');
const dbs: Database[] = [];
const hubs: LiveHub[] = [];
t.teardown(async () => {
  for (const h of hubs) await h.stop();
  for (const d of dbs) await d.close();
  await tdb.drop();
});

/** One "API process": its own Prisma client and its own hub. */
async function process(opts: LiveHubOptions = { pgUrl: tdb.url }) {
  const db = await openDatabase({ kind: 'postgres', url: tdb.url });
  dbs.push(db);
  const hub = createLiveHub(db, log, opts);
  hubs.push(hub);
  await hub.start();
  return { db, hub };
}

function collector(restaurantId: string) {
  const got: LiveEvent[] = [];
  let closed = false;
  return {
    restaurantId, got,
    get closed() { return closed; },
    send: (ev: LiveEvent) => { got.push(ev); },
    close: () => { closed = true; },
    async waitFor(count: number, timeoutMs = 1000) {
      const until = Date.now() + timeoutMs;
      while (got.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} events, got ${got.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return got.map((e) => (e.payload as { n: number }).n);
    },
  };
}

const a = await process();
const b = await process();
const restaurant = await a.db.prisma.restaurant.create({ data: { slug: 'live-hub', name: 'Live', addressLine1: '1 rue', postcode: '13001', city: 'Marseille' } });
const publish = async (db: Database, n: number) => {
  const id = await db.prisma.$transaction((tx) => publishLiveEvent(tx, restaurant.id, 'order.updated', { n }));
  // Readers see the commit-order seq the trigger gave the row at COMMIT.
  return (await db.prisma.liveEvent.findUniqueOrThrow({ where: { id } })).seq!;
};

t.test('an event published by one API process reaches a dashboard connected to another', async (t) => {
  const onB = collector(restaurant.id);
  const unsubscribe = await b.hub.subscribe(onB, null);
  t.teardown(unsubscribe);
  await publish(a.db, 1);
  t.same(await onB.waitFor(1), [1]);
});

// Concurrent transactions can commit out of id order; the commit-order trigger
// numbers a restaurant's events as they commit, so a hub that already read
// seq 11 can never miss a 10 committed after it.
t.test('a burst of concurrent transactions arrives complete and in order', async (t) => {
  const onA = collector(restaurant.id);
  const onB = collector(restaurant.id);
  t.teardown(await a.hub.subscribe(onA, null));
  t.teardown(await b.hub.subscribe(onB, null));
  await Promise.all(Array.from({ length: 40 }, (_, n) => publish(n % 2 ? a.db : b.db, n)));
  const ids = (await a.db.prisma.liveEvent.findMany({ where: { restaurantId: restaurant.id }, orderBy: { seq: 'desc' }, take: 40 })).map((r) => r.seq!).reverse();
  await onA.waitFor(40, 3000);
  await onB.waitFor(40, 3000);
  t.same(onA.got.map((e) => e.id), ids);
  t.same(onB.got.map((e) => e.id), ids);
});

t.test('the listener comes back after its connection is cut, and catches up', async (t) => {
  const onA = collector(restaurant.id);
  t.teardown(await a.hub.subscribe(onA, null));
  const admin = new pg.Client({ connectionString: tdb.url });
  await admin.connect();
  const killed = await admin.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'voiceorder-live'",
  );
  await admin.end();
  t.equal(killed.rowCount, 2, "both processes' listeners were cut");
  await publish(b.db, 1); // most likely while the listeners are down
  await publish(b.db, 2);
  t.same(await onA.waitFor(2, 5000), [1, 2]);
  await publish(b.db, 3);
  t.same(await onA.waitFor(3, 5000), [1, 2, 3], 'and it listens again');
});

t.test('a process without LISTEN polls, and sees the same events', async (t) => {
  const polling = await process({});
  const sub = collector(restaurant.id);
  t.teardown(await polling.hub.subscribe(sub, null));
  await publish(a.db, 5);
  t.same(await sub.waitFor(1), [5]);
});

t.test('stop() ends every open stream and refuses new ones', async (t) => {
  const p = await process();
  const sub = collector(restaurant.id);
  await p.hub.subscribe(sub, null);
  await p.hub.stop();
  t.ok(sub.closed);
  await t.rejects(p.hub.subscribe(collector(restaurant.id), null));
});

t.test('events older than the retention are pruned', async (t) => {
  const old = await publish(a.db, 1);
  const recent = await publish(a.db, 2);
  await a.db.prisma.liveEvent.update({ where: { seq: old }, data: { createdAt: new Date(Date.now() - 8 * 86400_000) } });
  t.ok(await pruneLiveEvents(a.db.prisma, new Date(Date.now() - 7 * 86400_000)) >= 1);
  const left = await a.db.prisma.liveEvent.findMany({ where: { seq: { in: [old, recent] } }, select: { seq: true } });
  t.same(left.map((r) => r.seq), [recent]);
});
