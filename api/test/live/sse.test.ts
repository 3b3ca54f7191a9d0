// The dashboard's live stream through the real API: what a browser connected
// with EventSource receives, and what it must never receive.
import t from 'tap';
import { startTestApi, client } from '../helpers/test-api.ts';
import { DEMO_OWNER } from '../../src/seed/demo-seed.ts';
import { hashPassword } from '../../src/auth/password.ts';
import { publishLiveEvent, type LiveEventType } from '../../src/live/publish.ts';
import { LiveEventData } from '../../src/contract/live.ts';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { openSse, type SseConnection, type SseFrame } from './sse-client.ts';

const api = await startTestApi(t);
const prisma = api.db.prisma;

async function login(creds: { email: string; password: string }) {
  const c = client(api.url);
  const res = await c.post<{ restaurants: { id: string }[] }>('/api/auth/login', creds);
  const restaurantId = res.body.restaurants[0]?.id ?? '';
  const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const connect = async (headers: Record<string, string> = {}, query = '', rid = restaurantId): Promise<SseConnection> => {
    const conn = await openSse(`${api.url}/api/restaurants/${rid}/events${query}`, { cookie, ...headers });
    t.teardown(() => conn.close());
    return conn;
  };
  return { restaurantId, connect };
}

async function publish(db: PrismaClient, restaurantId: string, n: number, type: LiveEventType = 'order.created'): Promise<bigint> {
  const id = await db.$transaction((tx) => publishLiveEvent(tx, restaurantId, type, { n }));
  // Readers see the commit-order seq the trigger gave the row at COMMIT.
  return (await db.liveEvent.findUniqueOrThrow({ where: { id } })).seq!;
}

const data = (f: SseFrame) => LiveEventData.parse(JSON.parse(f.data ?? ''));
const ns = (frames: SseFrame[]) => frames.map((f) => (data(f).payload as { n: number }).n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const owner = await login(DEMO_OWNER);

t.test('a committed event reaches the dashboard within a second; a rolled-back one never does', async (t) => {
  const sse = await owner.connect();
  t.equal(sse.status, 200);
  t.match(sse.headers.get('content-type'), /^text\/event-stream/);
  t.equal(sse.headers.get('cache-control'), 'no-cache');
  t.equal(sse.headers.get('x-accel-buffering'), 'no');

  await prisma.$transaction(async (tx) => {
    await publishLiveEvent(tx, owner.restaurantId, 'order.created', { n: -1 });
    throw new Error('the order failed validation');
  }).catch(() => {});
  const started = Date.now();
  const id = await publish(prisma, owner.restaurantId, 1);
  const [frame] = await sse.waitForEvents(1, 1000);
  t.ok(Date.now() - started < 1000, 'within a second');
  t.equal(sse.frames[0]?.retry, 3000, 'the browser is told how soon to reconnect');
  t.equal(frame?.id, id.toString());
  t.equal(frame?.event, 'order.created');
  const d = data(frame!);
  t.same({ id: d.id, type: d.type, payload: d.payload }, { id: id.toString(), type: 'order.created', payload: { n: 1 } });
  await sleep(700);
  t.same(ns(sse.events), [1], 'the rolled-back event never shows up');
});

t.test('a reconnecting dashboard gets exactly what it missed, in order, then live events', async (t) => {
  const first = await owner.connect();
  const id1 = await publish(prisma, owner.restaurantId, 1);
  await first.waitForEvents(1);
  first.close();
  await publish(prisma, owner.restaurantId, 2);
  await publish(prisma, owner.restaurantId, 3);

  const again = await owner.connect({ 'last-event-id': id1.toString() });
  await again.waitForEvents(2);
  await publish(prisma, owner.restaurantId, 4);
  await again.waitForEvents(3);
  await sleep(700);
  t.same(ns(again.events), [2, 3, 4]);

  const byQuery = await owner.connect({}, `?lastEventId=${id1}`);
  await byQuery.waitForEvents(3);
  t.same(ns(byQuery.events), [2, 3, 4], 'the same with ?lastEventId on a first connection');
  const headerWins = await owner.connect({ 'last-event-id': again.events[1]!.id! }, `?lastEventId=${id1}`);
  await headerWins.waitForEvents(1);
  await sleep(300);
  t.same(ns(headerWins.events), [4], "the browser's Last-Event-ID is newer than the URL's");
});

t.test('no gap and no duplicate when events keep coming while the replay is sent', async (t) => {
  const from = await publish(prisma, owner.restaurantId, 0);
  let stop = false;
  const publisher = (async () => {
    for (let n = 1; !stop && n < 200; n++) await publish(prisma, owner.restaurantId, n, 'call.turn');
  })();
  await sleep(100);
  const sse = await owner.connect({ 'last-event-id': from.toString() });
  await sleep(400);
  stop = true;
  await publisher;
  const rows = await prisma.liveEvent.findMany({ where: { restaurantId: owner.restaurantId, seq: { gt: from } }, orderBy: { seq: 'asc' } });
  await sse.waitForEvents(rows.length);
  await sleep(700);
  t.ok(rows.length > 5, `events were published during the reconnection (${rows.length})`);
  t.same(sse.events.map((f) => f.id), rows.map((r) => r.seq!.toString()));
});

t.test('a dashboard that cannot be caught up is told to reload', async (t) => {
  const unknown = await owner.connect({ 'last-event-id': '999999999' });
  const [reset] = await unknown.waitForEvents(1);
  t.equal(reset?.event, 'reset');
  t.same(data(reset!).payload, { reason: 'unknown_last_event' });

  const from = await publish(prisma, owner.restaurantId, 0);
  await prisma.liveEvent.createMany({ data: Array.from({ length: 1001 }, (_, n) => ({ restaurantId: owner.restaurantId, type: 'call.turn', payload: { n } })) });
  const latest = await prisma.liveEvent.findFirst({ where: { restaurantId: owner.restaurantId }, orderBy: { seq: 'desc' } });
  const behind = await owner.connect({ 'last-event-id': from.toString() });
  const [tooMany] = await behind.waitForEvents(1);
  t.equal(tooMany?.event, 'reset');
  t.equal(tooMany?.id, latest?.seq?.toString(), 'it resumes from the newest event after reloading');
  t.same(data(tooMany!).payload, { reason: 'too_many_missed' });
  await publish(prisma, owner.restaurantId, 7);
  await behind.waitForEvents(2);
  await sleep(300);
  t.same(behind.events.length, 2, 'then live events, not the 1001 missed ones');
});

t.test("restaurants never see each other's events", async (t) => {
  const other = await prisma.restaurant.create({ data: { slug: 'autre-live', name: 'Autre', addressLine1: '1 rue', postcode: '75001', city: 'Paris' } });
  await prisma.user.create({
    data: {
      email: 'autre@example.test', name: 'Autre', passwordHash: await hashPassword('autre-password-1'),
      memberships: { create: { restaurantId: other.id, role: 'owner' } },
    },
  });
  const stranger = await login({ email: 'autre@example.test', password: 'autre-password-1' });
  t.equal(stranger.restaurantId, other.id);

  t.equal((await owner.connect({}, '', other.id)).status, 404, "another restaurant's stream does not exist for this user");
  const anonymous = await openSse(`${api.url}/api/restaurants/${owner.restaurantId}/events`);
  t.equal(anonymous.status, 401);

  const mine = await owner.connect();
  const theirs = await stranger.connect();
  await publish(prisma, owner.restaurantId, 1);
  await publish(prisma, other.id, 2);
  await mine.waitForEvents(1);
  await theirs.waitForEvents(1);
  await sleep(700);
  t.same(ns(mine.events), [1]);
  t.same(ns(theirs.events), [2]);
});
