import t from 'tap';
import { startTestApi, client } from '../helpers/test-api.ts';
import { openDayAhead } from '../helpers/demo.ts';
import { createServiceToken } from '../helpers/tokens.ts';
import { DEMO_OWNER } from '../../src/seed/demo-seed.ts';
import type { AgentSession, ErrorBody, MeResponse, ReservationDetail, ToolCallResponse } from '../../src/contract/index.ts';

t.test('reservations from the dashboard and by phone', async (t) => {
  const api = await startTestApi(t);
  const prisma = api.db.prisma;
  const c = client(api.url);
  const rid = (await c.post<MeResponse>('/api/auth/login', DEMO_OWNER)).body.restaurants[0]!.id;
  const base = `/api/restaurants/${rid}/reservations`;
  const date = openDayAhead(new Date(), 3);
  // A platform mirrors this restaurant's bookings: every change must reach its outbox.
  await prisma.syncPlatformConfig.create({ data: { restaurantId: rid, platform: 'zenchef', externalRestaurantId: 'z-1', credentialsEnc: 'v1:x:y:z' } });
  let n = 0;
  const book = (time: string, partySize: number, name = 'Famille Durand') =>
    c.post<ReservationDetail | ErrorBody>(base, { at: { date, time }, partySize, customer: { name, phone: '0612345678' }, idempotencyKey: `resa-test-${date}-${time}-${partySize}-${name}-${n++}` });

  await t.test('a booking at the last seating is accepted, one interval later is refused with alternatives', async (t) => {
    const last = await book('21:45', 2);
    t.equal(last.status, 201);
    const r = last.body as ReservationDetail;
    t.equal(r.localTime, '21:45');
    t.equal(r.customerPhone, '+33612345678');
    t.ok(r.tableIds.length >= 1, 'a table was chosen');
    const late = await book('22:00', 2);
    t.equal(late.status, 422);
    const err = (late.body as ErrorBody).error;
    t.equal(err.code, 'outside_service');
    t.ok(((err.details as { alternatives: unknown[] }).alternatives).length > 0, 'alternatives are proposed');
    const outbox = await prisma.syncOutbox.findMany({ where: { entityId: r.id } });
    t.same(outbox.map((o) => [o.platform, o.event]), [['zenchef', 'reservation.created']], 'the platform hears about it, in the same transaction');
  });

  await t.test('the same slot cannot be sold twice when the room is full', async (t) => {
    // Fill the 20:00 slot (16 covers max per slot in the demo's Dîner).
    const results = await Promise.all([8, 8, 8].map((p, i) => book('20:00', p, `Groupe ${i}`)));
    const ok = results.filter((x) => x.status === 201).length;
    t.ok(ok <= 2, `at most 16 covers at 20:00 (${ok} groups of 8 accepted)`);
    const refused = results.find((x) => x.status !== 201);
    t.ok(refused, 'the third group is refused');
    t.equal((refused!.body as ErrorBody).error.code, 'slot_unavailable');
    t.match((refused!.body as ErrorBody).error.message, /complet|table/i);
  });

  await t.test('status changes and modification', async (t) => {
    const r = (await book('19:30', 4, 'Mme Petit')).body as ReservationDetail;
    const moved = await c.patch<ReservationDetail>(`${base}/${r.id}`, { at: { date, time: '19:45' }, partySize: 5 });
    t.equal(moved.status, 200);
    t.equal(moved.body.localTime, '19:45');
    t.equal(moved.body.partySize, 5);
    const seatedTooEarly = await c.patch<ErrorBody>(`${base}/${r.id}/status`, { status: 'completed' });
    t.equal(seatedTooEarly.status, 409);
    t.same((seatedTooEarly.body.error.details as { allowed: string[] }).allowed, ['seated', 'cancelled', 'no_show']);
    const cancelled = await c.patch<ReservationDetail>(`${base}/${r.id}/status`, { status: 'cancelled', reason: 'Client malade' });
    t.equal(cancelled.body.status, 'cancelled');
    const events = await prisma.syncOutbox.findMany({ where: { entityId: r.id }, orderBy: { createdAt: 'asc' } });
    t.same(events.map((e) => e.event), ['reservation.created', 'reservation.updated', 'reservation.cancelled']);
  });

  await t.test('by phone: the caller lists, moves and cancels their booking by their number', async (t) => {
    const controller = client(api.url, { bearer: await createServiceToken(prisma, null) });
    const s = (await controller.post<AgentSession>('/api/agent/sessions', { did: '+33491000000', callerNumber: '+33699000111' })).body;
    const tool = async (name: string, id: string, args: unknown) => JSON.parse((await controller.post<ToolCallResponse>(`/api/agent/calls/${s.callId}/tools/${name}`, { toolCallId: id, arguments: args })).body.output) as { ok: boolean; message?: string; data?: Record<string, unknown> };
    const made = await tool('confirm_reservation', 'r1', { date, time: '12:30', party_size: 3, customer_name: 'Karim B.' });
    t.ok(made.ok, made.message ?? '');
    const list = await tool('cancel_or_modify_reservation', 'r2', { action: 'list' });
    t.equal((list.data!.reservations as unknown[]).length, 1);
    const moved = await tool('cancel_or_modify_reservation', 'r3', { action: 'modify', time: '13:00' });
    t.ok(moved.ok, moved.message ?? '');
    t.equal(moved.data!.time, '13:00');
    const gone = await tool('cancel_or_modify_reservation', 'r4', { action: 'cancel' });
    t.ok(gone.ok);
    const nothing = await tool('cancel_or_modify_reservation', 'r5', { action: 'list' });
    t.equal(nothing.ok, false, 'nothing left to change');
    const tooBig = await tool('check_availability', 'r6', { kind: 'reservation', date, time: '20:00', party_size: 40 });
    t.equal(tooBig.data!.available, false);
    t.match(tooBig.message!, /personnes/);
  });
});
