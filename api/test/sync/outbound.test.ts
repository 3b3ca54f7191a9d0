// Pushes to the platforms: exactly once through faults, dead letters and their
// retry, cancellations, and a slot taken on TheFork while the agent books.
import t from 'tap';
import { startSyncWorld, waitFor, book } from './setup.ts';
import { openDayAhead } from '../helpers/demo.ts';
import { addDays } from '../../src/domain/calendar.ts';
import { client } from '../helpers/test-api.ts';
import { createServiceToken } from '../helpers/tokens.ts';
import type { ToolCallResponse } from '../../src/contract/index.ts';

t.test('outbound sync', async (t) => {
  const w = await startSyncWorld(t, 'outbound', { platforms: ['zenchef', 'thefork'] });
  const { c, rid, zenchef, thefork, prisma } = w;
  const date = openDayAhead(new Date(), 3);
  const tagged = (id: string) => [...zenchef.bookings.values()].filter((b) => b.private_comment?.includes(`[VO:${id}]`));
  const outboxDone = (id: string) => waitFor(`outbox of ${id}`, async () => {
    const rows = await prisma.syncOutbox.findMany({ where: { entityId: id } });
    return rows.length > 0 && rows.every((r) => r.status === 'done' || r.status === 'failed') ? rows : null;
  });

  await t.test('a phone reservation reaches Zenchef exactly once through 5xx and timeouts on its first three tries', async (t) => {
    zenchef.inject(/^POST \/api\/v1\/bookings$/, { kind: 'status', status: 503 });            // try 1
    zenchef.inject(/^GET \/api\/v1\/bookings$/, { kind: 'status', status: 502 });             // try 2 (the look-up)
    zenchef.inject(/^POST \/api\/v1\/bookings$/, { kind: 'late', delayMs: 900 });             // try 3: booked, answer lost
    const r = await book(c, rid, date, '19:30', 'exactly-once');
    t.equal(r.status, 201);
    const rows = await outboxDone(r.body.id);
    const zc = rows.find((x) => x.platform === 'zenchef')!;
    t.equal(zc.status, 'done');
    t.ok(zc.attempts >= 4, `delivered on attempt ${zc.attempts}`);
    t.equal(tagged(r.body.id).length, 1, 'one booking on Zenchef, not two');
    const b = tagged(r.body.id)[0]!;
    t.match(b, { day: date, time: '19:30', nb_guests: 2, status: 'waiting' }, 'with our day, time, covers and status');
    const badge = await c.get<{ platforms: Array<{ platform: string; state: string; externalId: string }> }>(`/api/restaurants/${rid}/sync/reservations/${r.body.id}`);
    t.match(badge.body.platforms.find((p) => p.platform === 'zenchef'), { state: 'synced', externalId: String(b.id) });
  });

  await t.test('a fault run: every push delivered once (5xx, lost answers, 429 Retry-After, slow answers)', async (t) => {
    zenchef.clearFaults();
    zenchef.inject(/^POST \/api\/v1\/bookings$/, { kind: 'status', status: 500 }, 4);
    zenchef.inject(/^POST \/api\/v1\/bookings$/, { kind: 'late', delayMs: 700 }, 3);
    zenchef.inject(/^POST \/api\/v1\/bookings$/, { kind: 'rate_limited', retryAfterS: 1 }, 1);
    zenchef.inject(/./, { kind: 'slow', delayMs: 150 }, 3);
    thefork.inject(/^POST \/manager\/v1\/restaurants\/[^/]+\/reservations$/, { kind: 'status', status: 503 }, 3);
    thefork.inject(/^POST \/manager\/v1\/restaurants\/[^/]+\/reservations$/, { kind: 'late', delayMs: 700 }, 2);
    const day2 = addDays(date, 1);
    const times = ['19:00', '19:15', '19:45', '20:00', '20:15', '20:30', '20:45', '21:00', '21:15', '21:30', '12:00', '12:15'];
    const made = await Promise.all(times.map((time, i) => book(c, rid, day2, time, `fault-run-${i}`)));
    t.ok(made.every((m) => m.status === 201));
    const ids = made.map((m) => m.body.id);
    const rows = (await Promise.all(ids.map(outboxDone))).flat();
    const sent = rows.length;
    const delivered = rows.filter((r) => r.status === 'done').length;
    const copies = ids.flatMap((id) => [tagged(id).length, [...thefork.reservations.values()].filter((x) => x.restaurantNote?.includes(`[VO:${id}]`)).length]);
    const duplicated = copies.reduce((n, k) => n + Math.max(0, k - 1), 0);
    const lost = copies.filter((k) => k === 0).length;
    t.comment(`fault run: sent ${sent}, delivered ${delivered}, duplicated ${duplicated}, lost ${lost}`);
    t.equal(sent, 24, '12 reservations × 2 platforms');
    t.equal(delivered, 24);
    t.equal(duplicated, 0);
    t.equal(lost, 0);
    const limited = zenchef.log.find((l) => l.fault === 'rate_limited')!;
    const next = zenchef.log.find((l) => l.at > limited.at && l.method === 'POST' && l.path === '/api/v1/bookings');
    t.ok(limited && next, 'the 429 was answered and the push went on');
    t.ok(thefork.tokenRequests === 1, `one TheFork token for every push (${thefork.tokenRequests})`);
  });

  await t.test('a refused push is a visible failure, and the retry button sends it', async (t) => {
    zenchef.clearFaults();
    zenchef.inject(/^POST \/api\/v1\/bookings$/, { kind: 'status', status: 422 });
    const r = await book(c, rid, date, '20:00', 'dead-letter');
    await outboxDone(r.body.id);
    const failed = await c.get<{ items: Array<{ id: string; entityId: string; lastError: string; platform: string }> }>(`/api/restaurants/${rid}/sync/outbox?status=failed`);
    const row = failed.body.items.find((x) => x.entityId === r.body.id && x.platform === 'zenchef');
    t.ok(row, 'listed among the failures');
    t.match(row!.lastError, /422/);
    const platforms = await c.get<Array<{ platform: string; failedCount: number }>>(`/api/restaurants/${rid}/sync/platforms`);
    t.ok(platforms.body.find((p) => p.platform === 'zenchef')!.failedCount >= 1);
    const retried = await c.post<{ status: string }>(`/api/restaurants/${rid}/sync/outbox/${row!.id}/retry`);
    t.equal(retried.status, 200);
    t.equal(retried.body.status, 'pending');
    await waitFor('retried push', async () => (await prisma.syncOutbox.findUnique({ where: { id: row!.id } }))?.status === 'done');
    t.equal(tagged(r.body.id).length, 1);
    t.equal((await c.post(`/api/restaurants/${rid}/sync/outbox/${row!.id}/retry`)).status, 404, 'a row not in failure cannot be retried');
  });

  await t.test('a cancellation here cancels there', async (t) => {
    const r = await book(c, rid, date, '20:15', 'cancel-me');
    await outboxDone(r.body.id);
    const s = await c.patch(`/api/restaurants/${rid}/reservations/${r.body.id}/status`, { status: 'cancelled', reason: 'test' });
    t.equal(s.status, 200);
    await outboxDone(r.body.id);
    await waitFor('canceled on Zenchef', async () => tagged(r.body.id)[0]?.status === 'canceled');
    await waitFor('canceled on TheFork', async () => [...thefork.reservations.values()].find((x) => x.restaurantNote?.includes(r.body.id))?.status === 'CANCELED');
    t.pass('both platforms show it cancelled');
  });

  await t.test('a slot taken on TheFork while the agent books: the tool offers alternatives', async (t) => {
    const controller = client(w.api.url, { bearer: await createServiceToken(prisma, null) });
    const s = await controller.post<{ callId: string }>('/api/agent/sessions', { did: '04 91 00 00 00', callerNumber: '+33611223344', channelId: 'chan-sync' });
    t.equal(s.status, 201);
    thefork.fill(`${date}T20:30`);
    const r = await controller.post<ToolCallResponse>(`/api/agent/calls/${s.body.callId}/tools/confirm_reservation`, {
      toolCallId: 'book-1', arguments: JSON.stringify({ date, time: '20:30', party_size: 2, customer_name: 'Léa Martin' }),
    });
    t.equal(r.status, 200);
    const out = JSON.parse(r.body.output) as { ok: boolean; message?: string; data?: { alternatives?: Array<{ time: string }> } };
    t.equal(out.ok, false, 'no false confirmation');
    t.match(out.message, /20h30 vient d'être pris sur TheFork/);
    t.ok((out.data?.alternatives ?? []).length > 0, 'other times are offered');
    t.notOk(out.data!.alternatives!.some((a) => a.time === '20:30'));
    const local = await prisma.reservation.findFirstOrThrow({ where: { callId: s.body.callId } });
    t.equal(local.status, 'cancelled', 'the local booking does not hold the slot');
    t.match(local.cancelReason, /TheFork/);
    const badge = await c.get<{ platforms: Array<{ platform: string; state: string }> }>(`/api/restaurants/${rid}/sync/reservations/${local.id}`);
    t.equal(badge.body.platforms.find((p) => p.platform === 'thefork')?.state, 'conflict');
  });
});
