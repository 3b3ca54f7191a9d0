// A caller books a table by phone: availability first, then the booking, as
// the restaurateur sees it in the reservation book.
import t from 'tap';
import { startCallHarness, waitUntil } from './call-harness.ts';
import { openDayAhead } from '../../../api/test/helpers/demo.ts';

t.test('a table booked by phone is in the reservation book, linked to the call', async (t) => {
  const date = openDayAhead(new Date(), 2);
  let answer: { ok: boolean; data?: { confirmed?: boolean; time?: string } } | undefined;
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 400, text: 'Bonjour, Pizzeria Bella !' });
    const check = await rt.callTool('check_availability', { kind: 'reservation', date, time: '20:00', party_size: 4 });
    const availability = JSON.parse(await rt.waitForToolOutput(check)) as { data: { available: boolean } };
    t.equal(availability.data.available, true, 'the model hears that 20:00 is free for 4');
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 400, text: 'C’est possible, à quel nom ?' });
    const book = await rt.callTool('confirm_reservation', { date, time: '20:00', party_size: 4, customer_name: 'Famille Moreau', allergies: ['nuts'] });
    answer = JSON.parse(await rt.waitForToolOutput(book)) as typeof answer;
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 400, text: 'C’est réservé, à samedi !' });
  });
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33655443322', codec: 'alaw' });
  await waitUntil('the booking answer', () => answer, 15_000);
  t.match(answer, { ok: true, data: { confirmed: true, time: '20:00' } });
  h.ari.callerHangsUp(channelId);
  const prisma = h.api.db.prisma;
  const call = await waitUntil('the end of the call', () => prisma.call.findFirst({ where: { channelId, endedAt: { not: null } } }));
  t.equal(call.outcome, 'reservation_made');
  const r = await prisma.reservation.findFirstOrThrow({ where: { callId: call.id } });
  t.equal(r.partySize, 4);
  t.equal(r.customerName, 'Famille Moreau');
  t.equal(r.customerPhone, '+33655443322', 'the caller id is on the booking');
  t.same(r.allergies, ['nuts'], 'the allergy reaches the kitchen');
  t.equal(r.source, 'phone_ai');
  t.ok(await prisma.liveEvent.findFirst({ where: { type: 'reservation.created', payload: { path: ['reservationId'], equals: r.id } } }), 'the dashboard was told live');
});
