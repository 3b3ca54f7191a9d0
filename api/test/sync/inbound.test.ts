// Bookings made on the platforms: webhooks (verified, deduped, re-fetched),
// the polling fallback, ExternalLoad feeding availability, and final statuses.
import t from 'tap';
import { startSyncWorld, waitFor, book, ZENCHEF, THEFORK } from './setup.ts';
import { openDayAhead } from '../helpers/demo.ts';
import { addDays, minutesOf, wallClockToUtc } from '../../src/domain/calendar.ts';

t.test('inbound sync', async (t) => {
  const w = await startSyncWorld(t, 'inbound', { platforms: ['zenchef', 'thefork'], env: { SYNC_POLL_INTERVAL_MS: '400' } });
  const { c, rid, zenchef, thefork, prisma, api } = w;
  const date = openDayAhead(new Date(), 4);
  const zcHook = `${api.url}/api/webhooks/zenchef/${rid}`;
  const tfHook = `${api.url}/api/webhooks/thefork/${rid}?token=${THEFORK.webhookToken}`;
  const at = (d: string, time: string) => wallClockToUtc(d, minutesOf(time), 'Europe/Paris');
  const load = async (platform: 'zenchef' | 'thefork', d: string, time: string) =>
    prisma.externalLoad.findUnique({ where: { restaurantId_platform_slotStart: { restaurantId: rid, platform, slotStart: at(d, time) } } });
  const slot = async (d: string, time: string, partySize: number) => {
    const r = await c.get<{ services: Array<{ slots: Array<{ localTime: string; available: boolean; reason?: string }> }> }>(`/api/restaurants/${rid}/availability/reservations?date=${d}&partySize=${partySize}`);
    return r.body.services.flatMap((s) => s.slots).find((s) => s.localTime === time)!;
  };

  await t.test('a TheFork webhook booking lowers our availability for that slot', async (t) => {
    t.equal((await slot(date, '20:00', 4)).available, true, 'free before');
    const b = thefork.book({ mealDate: `${date}T20:00:00`, partySize: 18 });
    const r = await thefork.webhook(tfHook, b.id, 'reservationCreated');
    t.equal(r.status, 200, 'acknowledged at once');
    await waitFor('external load', async () => (await load('thefork', date, '20:00'))?.covers === 18);
    const s = await slot(date, '20:00', 4);
    t.equal(s.available, false, '18 TheFork covers + 4 exceed the 20 per slot');
    t.equal(s.reason, 'slot_full');
    t.equal((await slot(date, '20:00', 2)).available, true, 'two still fit');
    thefork.change(b.id, { status: 'CANCELED' });
    await thefork.webhook(tfHook, b.id, 'reservationUpdated');
    await waitFor('load released', async () => (await load('thefork', date, '20:00'))?.covers === 0);
    t.equal((await slot(date, '20:00', 4)).available, true, 'free again once cancelled on TheFork');
  });

  await t.test('duplicated and out-of-order webhooks change nothing twice', async (t) => {
    const v1 = zenchef.book({ day: date, time: '19:00', nb_guests: 4 });
    const first = { ...v1 };
    const v2 = zenchef.change(v1.id, { nb_guests: 6 });
    const answers = [];
    answers.push(await zenchef.webhook(zcHook, 'booking.changed', v2));
    answers.push(await zenchef.webhook(zcHook, 'booking.changed', v2));
    answers.push(await zenchef.webhook(zcHook, 'booking.created', first)); // the older one, late
    t.same(answers.map((a) => a.status), [200, 200, 200]);
    t.same(answers[1]!.body, { received: 0, duplicates: 1 }, 'the duplicate stops at the door');
    // TheFork's thin webhooks carry no version: three deliveries at once, one booking counted.
    const tf = thefork.book({ mealDate: `${date}T19:00:00`, partySize: 3 });
    await Promise.all([1, 2, 3].map(() => thefork.webhook(tfHook, tf.id, 'reservationCreated')));
    await waitFor('all webhooks processed', async () => (await prisma.syncInboundEvent.count({ where: { restaurantId: rid, processedAt: null } })) === 0);
    t.match(await load('zenchef', date, '19:00'), { covers: 6, reservations: 1 }, 'Zenchef: the latest version, counted once');
    t.match(await load('thefork', date, '19:00'), { covers: 3, reservations: 1 }, 'TheFork: counted once');
    const applied = await prisma.syncInboundEvent.count({ where: { restaurantId: rid, externalId: String(v1.id), eventType: 'reservation.state' } });
    t.ok(applied <= 2, `each version applied at most once (${applied})`);
    // The old version arriving again after the new one changes nothing.
    await zenchef.webhook(zcHook, 'booking.created', { ...first, updated_at: new Date(Date.parse(first.updated_at) - 1).toISOString() });
    await waitFor('processed', async () => (await prisma.syncInboundEvent.count({ where: { restaurantId: rid, processedAt: null } })) === 0);
    t.match(await load('zenchef', date, '19:00'), { covers: 6, reservations: 1 });
  });

  await t.test('a forged webhook is refused', async (t) => {
    const b = zenchef.book({ day: date, time: '21:00', nb_guests: 8 });
    // Webhook deliveries only: the polling fallback may meanwhile record the new booking as applied state.
    const webhookEvents = () => prisma.syncInboundEvent.count({ where: { eventType: { not: 'reservation.state' } } });
    const before = await webhookEvents();
    t.equal((await zenchef.webhook(zcHook, 'booking.created', b, 'not-the-secret')).status, 401, 'wrong HMAC key');
    const raw = JSON.stringify({ event: 'booking.created', data: b });
    const noSig = await fetch(zcHook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
    t.equal(noSig.status, 401, 'no signature');
    const { createHmac } = await import('node:crypto');
    const sig = createHmac('sha256', ZENCHEF.webhookSecret).update(raw).digest('hex');
    const tampered = await fetch(zcHook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zenchef-signature': sig }, body: raw.replace('"nb_guests":8', '"nb_guests":80') });
    t.equal(tampered.status, 401, 'a body changed after signing');
    t.equal((await thefork.webhook(`${api.url}/api/webhooks/thefork/${rid}?token=guess`, 'x')).status, 401, 'wrong TheFork token');
    t.equal((await thefork.webhook(`${api.url}/api/webhooks/thefork/${rid}`, 'x')).status, 401, 'no TheFork token');
    t.equal((await thefork.webhook(`${api.url}/api/webhooks/thefork/nope?token=${THEFORK.webhookToken}`, 'x')).status, 404, 'no endpoint for a restaurant without TheFork');
    t.equal(await webhookEvents(), before, 'nothing recorded');
    t.equal((await zenchef.webhook(zcHook, 'booking.created', b)).status, 200, 'the genuine one passes');
  });

  await t.test('the polling fallback finds a booking whose webhook never came', async (t) => {
    const d2 = addDays(date, 1);
    thefork.book({ mealDate: `${d2}T21:30:00`, partySize: 5 });
    await waitFor('polled load', async () => (await load('thefork', d2, '21:30'))?.covers === 5, 5000);
    t.pass('counted from the updated-since poll');
    const cfg = await prisma.syncPlatformConfig.findFirstOrThrow({ where: { restaurantId: rid, platform: 'thefork' } });
    t.ok(cfg.pollCursor && cfg.lastPolledAt, 'the cursor moved');
  });

  await t.test('a final status is not reopened by a sync', async (t) => {
    // Platform booking: cancelled there, then "confirmed" again by a stale replay.
    const b = zenchef.book({ day: date, time: '21:15', nb_guests: 2 });
    await zenchef.webhook(zcHook, 'booking.created', b);
    await waitFor('counted', async () => (await load('zenchef', date, '21:15'))?.covers === 2);
    const cancelled = zenchef.change(b.id, { status: 'canceled' });
    await zenchef.webhook(zcHook, 'booking.canceled', cancelled);
    await waitFor('released', async () => (await load('zenchef', date, '21:15'))?.covers === 0);
    const reopened = zenchef.change(b.id, { status: 'confirmed' });
    await zenchef.webhook(zcHook, 'booking.changed', reopened);
    await waitFor('processed', async () => (await prisma.syncInboundEvent.count({ where: { restaurantId: rid, processedAt: null } })) === 0);
    t.equal((await load('zenchef', date, '21:15'))?.covers, 0, 'a cancelled platform booking stays cancelled');

    // Our booking, with the platform as master: it may cancel it, never revive it.
    const put = await c.put(`/api/restaurants/${rid}/sync/platforms/zenchef`, { externalRestaurantId: ZENCHEF.restaurantId, credentials: { authToken: ZENCHEF.token }, webhookSecret: ZENCHEF.webhookSecret, mastering: { reservation: 'platform' } });
    t.equal(put.status, 200);
    const r = await book(c, rid, date, '21:30', 'final-status');
    const mapped = await waitFor('pushed', () => prisma.syncExternalMapping.findFirst({ where: { restaurantId: rid, platform: 'zenchef', localId: r.body.id } }));
    const ext = Number(mapped.externalId);
    await zenchef.webhook(zcHook, 'booking.canceled', zenchef.change(ext, { status: 'canceled' }));
    await waitFor('cancelled here', async () => (await prisma.reservation.findUnique({ where: { id: r.body.id } }))?.status === 'cancelled');
    await zenchef.webhook(zcHook, 'booking.changed', zenchef.change(ext, { status: 'confirmed' }));
    await waitFor('processed', async () => (await prisma.syncInboundEvent.count({ where: { restaurantId: rid, processedAt: null } })) === 0);
    const local = await prisma.reservation.findUniqueOrThrow({ where: { id: r.body.id } });
    t.equal(local.status, 'cancelled', 'not reopened');
    t.match(local.cancelReason, /Zenchef/);
    const log = await prisma.syncInboundEvent.findMany({ where: { restaurantId: rid, externalId: String(ext), eventType: 'reservation.state' }, orderBy: { receivedAt: 'asc' } });
    t.ok(log.some((e) => (e.payload as { local?: unknown; platform?: unknown }).local && (e.payload as { platform?: unknown }).platform), 'both versions kept in the log');
  });
});
