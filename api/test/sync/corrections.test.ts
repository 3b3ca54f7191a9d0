// Local master: when a platform shows our booking otherwise, our version is
// pushed back so the platform converges, and the echo of that push (by webhook
// or by polling) changes nothing and queues nothing: no ping-pong.
import t from 'tap';
import { startSyncWorld, waitFor, book, THEFORK } from './setup.ts';
import { openDayAhead } from '../helpers/demo.ts';
import { CORRECTION_EVENT } from '../../src/sync/sync-repository.ts';

t.test('corrections when local is master', async (t) => {
  // Polling every 400 ms brings each platform's echo back again and again.
  const w = await startSyncWorld(t, 'corrections', { platforms: ['zenchef', 'thefork'], env: { SYNC_POLL_INTERVAL_MS: '400' } });
  const { c, rid, zenchef, thefork, prisma, api } = w;
  const date = openDayAhead(new Date(), 5);
  const zcHook = `${api.url}/api/webhooks/zenchef/${rid}`;
  const tfHook = `${api.url}/api/webhooks/thefork/${rid}?token=${THEFORK.webhookToken}`;
  const rows = (id: string) => prisma.syncOutbox.findMany({ where: { entityId: id }, orderBy: { createdAt: 'asc' } });
  const settled = (id: string, n: number) => waitFor(`${n} settled pushes of ${id}`, async () => {
    const r = await rows(id);
    return r.length === n && r.every((x) => x.status === 'done') ? r : null;
  });
  const idle = () => waitFor('inbound drained', async () => (await prisma.syncInboundEvent.count({ where: { restaurantId: rid, processedAt: null } })) === 0);
  const pollRounds = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const since = new Date();
      await waitFor('a poll round', async () => (await prisma.syncPlatformConfig.count({ where: { restaurantId: rid, lastPolledAt: { gt: since } } })) === 2);
    }
  };
  const zcOf = (id: string) => [...zenchef.bookings.values()].find((b) => b.private_comment?.includes(`[VO:${id}]`))!;
  const tfOf = (id: string) => [...thefork.reservations.values()].find((x) => x.restaurantNote?.includes(`[VO:${id}]`))!;

  const r = await book(c, rid, date, '19:30', 'correct-me', 2);
  t.equal(r.status, 201);
  await settled(r.body.id, 2);

  await t.test('polls seeing our own fresh booking queue nothing (TheFork records what we sent as pending)', async (t) => {
    await pollRounds(3);
    t.equal((await rows(r.body.id)).length, 2, 'still one create per platform');
  });

  await t.test('covers and time changed on Zenchef are written back; the echo changes nothing', async (t) => {
    const changed = zenchef.change(zcOf(r.body.id).id, { nb_guests: 5, time: '20:00' });
    t.equal((await zenchef.webhook(zcHook, 'booking.updated', changed)).status, 200);
    const all = await settled(r.body.id, 3);
    t.equal(all[2]!.event, CORRECTION_EVENT, 'one correction queued in the outbox');
    t.equal(all[2]!.platform, 'zenchef');
    await waitFor('Zenchef converged', async () => zcOf(r.body.id).nb_guests === 2 && zcOf(r.body.id).time === '19:30');
    const local = await prisma.reservation.findUniqueOrThrow({ where: { id: r.body.id } });
    t.equal(local.partySize, 2, 'ours kept');
    // The echo of our own push, delivered twice, then seen by polls.
    await zenchef.webhook(zcHook, 'booking.updated', zcOf(r.body.id));
    await zenchef.webhook(zcHook, 'booking.updated', zcOf(r.body.id));
    await idle();
    await pollRounds(3);
    t.equal((await rows(r.body.id)).length, 3, 'no second correction: the echo is recognised');
    const log = await prisma.syncInboundEvent.findMany({ where: { restaurantId: rid, externalId: String(zcOf(r.body.id).id), eventType: 'reservation.state' } });
    t.ok(log.some((e) => (e.payload as { correction?: string }).correction === 'queued'), 'the log keeps both versions and the correction');
  });

  await t.test('a platform change that already shows ours queues nothing', async (t) => {
    const touched = zenchef.change(zcOf(r.body.id).id, {}); // newer updated-at, same booking
    await zenchef.webhook(zcHook, 'booking.updated', touched);
    await idle();
    t.equal((await rows(r.body.id)).length, 3);
  });

  await t.test('TheFork: covers changed there are written back with its PATCH', async (t) => {
    const changed = thefork.change(tfOf(r.body.id).id, { partySize: 6 });
    await thefork.webhook(tfHook, changed.id, 'reservationUpdated');
    const all = await settled(r.body.id, 4);
    t.match(all[3], { event: CORRECTION_EVENT, platform: 'thefork' });
    await waitFor('TheFork converged', async () => tfOf(r.body.id).partySize === 2);
    await pollRounds(3);
    t.equal((await rows(r.body.id)).length, 4, 'its echo queues nothing');
  });

  await t.test('a cancellation on the platform is not reopened by a correction', async (t) => {
    const x = await book(c, rid, date, '21:00', 'guest-cancels', 2);
    await settled(x.body.id, 2);
    const cancelled = zenchef.change(zcOf(x.body.id).id, { status: 'canceled' });
    await zenchef.webhook(zcHook, 'booking.canceled', cancelled);
    await idle();
    await pollRounds(2);
    t.equal((await rows(x.body.id)).length, 2, 'nothing pushed');
    t.equal(zcOf(x.body.id).status, 'canceled', 'still cancelled on Zenchef');
    t.equal((await prisma.reservation.findUniqueOrThrow({ where: { id: x.body.id } })).status, 'pending', 'ours kept, as the master');
  });

  await t.test('a platform that keeps rewriting gets at most three corrections an hour', async (t) => {
    const x = await book(c, rid, date, '21:30', 'stubborn', 2);
    await settled(x.body.id, 2);
    for (let i = 1; i <= 4; i++) {
      await zenchef.webhook(zcHook, 'booking.updated', zenchef.change(zcOf(x.body.id).id, { nb_guests: 2 + i }));
      if (i <= 3) {
        await settled(x.body.id, 2 + i);
        await waitFor('converged', async () => zcOf(x.body.id).nb_guests === 2);
      }
    }
    await idle();
    await pollRounds(2);
    t.equal((await rows(x.body.id)).filter((o) => o.event === CORRECTION_EVENT).length, 3, 'the fourth change is kept out, not bounced');
    t.equal(zcOf(x.body.id).nb_guests, 6, 'Zenchef keeps its last change');
  });
});
