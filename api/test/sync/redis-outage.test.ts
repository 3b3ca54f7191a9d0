// Redis stopped during a booking: the outbox keeps the row (nothing in Redis
// is the only copy), and the push happens once Redis is back. Redis sits
// behind a TCP proxy this test can cut, so the shared server keeps running.
import t from 'tap';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { startSyncWorld, waitFor, book } from './setup.ts';
import { openDayAhead } from '../helpers/demo.ts';

function redisProxy(target = { host: '127.0.0.1', port: 6379 }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () => new Promise<void>((resolve) => {
    server = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => s.destroy()); }
      client.pipe(upstream).pipe(client);
    });
    server.listen(port, '127.0.0.1', () => { port = (server!.address() as AddressInfo).port; resolve(); });
  });
  return {
    get url() { return `redis://127.0.0.1:${port}`; },
    start: open,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    },
  };
}

t.test('with Redis stopped during a booking, the outbox keeps the row and pushes after Redis returns', async (t) => {
  const proxy = redisProxy();
  await proxy.start();
  t.teardown(() => proxy.stop());
  const { c, rid, zenchef, prisma } = await startSyncWorld(t, 'redis-outage', { redisUrl: proxy.url });
  const date = openDayAhead(new Date(), 3);

  const warmup = await book(c, rid, date, '19:00', 'before-outage');
  await waitFor('first push', async () => (await prisma.syncOutbox.findFirst({ where: { entityId: warmup.body.id } }))?.status === 'done');

  await proxy.stop();
  const r = await book(c, rid, date, '19:45', 'during-outage');
  t.equal(r.status, 201, 'the booking itself does not need Redis');
  await new Promise((res) => setTimeout(res, 800));
  const row = await prisma.syncOutbox.findFirstOrThrow({ where: { entityId: r.body.id } });
  t.equal(row.status, 'pending', 'the row waits in the outbox');
  t.notOk([...zenchef.bookings.values()].some((b) => b.private_comment?.includes(r.body.id)), 'nothing sent yet');

  await proxy.start();
  await waitFor('push after Redis returns', async () => (await prisma.syncOutbox.findUnique({ where: { id: row.id } }))?.status === 'done', 20_000);
  t.equal([...zenchef.bookings.values()].filter((b) => b.private_comment?.includes(r.body.id)).length, 1, 'delivered once');
});
