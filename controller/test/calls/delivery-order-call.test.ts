// A caller orders a delivery by phone, end to end: Asterisk (fake, real RTP),
// the controller, the model (fake, real protocol), the API and PostgreSQL.
import t from 'tap';
import { startCallHarness, codeIn, waitUntil } from './call-harness.ts';

t.test('a delivery order confirmed by phone reaches the database, live, with the right total', async (t) => {
  let orderNumber: number | undefined;
  let modified: { ok: boolean; data?: { orderNumber: number; totalCents: number } } | undefined;
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    const instructions = String(rt.session.instructions ?? '');
    await rt.waitForResponseCreate(); // the greeting, once the caller can hear it
    await rt.reply({ audioMs: 1200, text: 'Bonjour, Pizzeria Bella, que puis-je faire pour vous ?' });
    await rt.waitForAudio(600);
    rt.speechStarted();
    rt.speechStopped();
    rt.transcript('Deux margherita grandes en livraison au 20 rue de la République, 13002 Marseille.');
    const margherita = codeIn(instructions, 'i', 'Margherita');
    const grande = codeIn(instructions, 'o', 'Grande');
    const callId = await rt.callTool('confirm_order', {
      type: 'delivery', lines: [{ code: margherita, quantity: 2, options: [grande] }],
      delivery_address: { line1: '20 rue de la République', postcode: '13002', city: 'Marseille' }, customer_name: 'Léa Martin',
    });
    const output = JSON.parse(await rt.waitForToolOutput(callId)) as { ok: boolean; data?: { orderNumber: number } };
    orderNumber = output.data?.orderNumber;
    // "Ah, et un Coca" after the confirmation: the same order changes, no second one and no transfer.
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 600, text: 'C’est confirmé, commande numéro ' + String(orderNumber) + '.' });
    rt.transcript('Ah, et un Coca aussi, s’il vous plaît.');
    const modifyId = await rt.callTool('modify_order', {
      lines: [{ code: margherita, quantity: 2, options: [grande] }, { code: codeIn(instructions, 'i', 'Coca-Cola 33 cl'), quantity: 1 }],
    });
    modified = JSON.parse(await rt.waitForToolOutput(modifyId)) as typeof modified;
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 800, text: 'C’est noté, merci et à bientôt !' });
    const endId = await rt.callTool('end_call', { reason: 'commande terminée' });
    await rt.waitForToolOutput(endId);
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 400, text: 'Au revoir !' });
  });

  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  // The caller speaks once the greeting has started.
  await waitUntil('greeting audio', () => h.ari.callerAudioReceived(channelId).packets.length > 10);
  h.ari.callerSpeaks(channelId, { ms: 1000, tone: true });

  const prisma = h.api.db.prisma;
  const call = await waitUntil('the call record', () => prisma.call.findFirst({ where: { channelId }, include: { turns: true } }));
  const ended = await waitUntil('the end of the call', async () => {
    const c = await prisma.call.findUnique({ where: { id: call.id } });
    return c?.endedAt ? c : null;
  }, 20_000);

  t.equal(ended.outcome, 'order_placed');
  t.equal(ended.endedBy, 'agent', 'the agent ended the call after its farewell');
  t.equal(ended.endReason, 'agent_end_call');
  const order = await prisma.order.findFirstOrThrow({ where: { callId: call.id }, include: { items: true } });
  t.equal(order.number, orderNumber, 'the model was told the real order number');
  t.equal(order.type, 'delivery');
  t.equal(order.customerPhone, '+33611223344', 'the caller id is on the order');
  t.equal(order.totalCents, order.subtotalCents - order.discountCents + order.deliveryFeeCents);
  t.equal(order.items[0]?.quantity, 2);
  t.same(order.items.map((i) => i.name).sort(), ['Coca-Cola 33 cl', 'Margherita'], 'the can added after the confirmation is on the same order');
  t.equal(modified?.ok, true);
  t.same([modified?.data?.orderNumber, modified?.data?.totalCents], [orderNumber, order.totalCents], 'and the model was told the new total');
  const live = await prisma.liveEvent.findFirst({ where: { type: 'order.created', payload: { path: ['orderId'], equals: order.id } } });
  t.ok(live, 'the dashboard was told live');
  t.ok(await prisma.liveEvent.findFirst({ where: { type: 'order.updated', payload: { path: ['orderId'], equals: order.id } } }), 'and of the change');
  const turns = await prisma.callTurn.findMany({ where: { callId: call.id }, orderBy: { seq: 'asc' } });
  t.ok(turns.some((x) => x.role === 'caller' && /margherita/i.test(x.text)), 'the caller transcript is recorded');
  t.ok(turns.some((x) => x.role === 'agent'), 'the agent transcript is recorded');

  // Pacing: what the caller heard arrived as one 160-byte frame every 20 ms, never in bursts.
  const { packets } = h.ari.callerAudioReceived(channelId);
  t.ok(packets.length >= 80, `the caller heard the agent (${packets.length} frames)`);
  const gaps = packets.slice(1).map((p, i) => p.at - packets[i]!.at).sort((a, b) => a - b);
  const p50 = gaps[Math.floor(gaps.length / 2)]!;
  t.ok(p50 >= 15 && p50 <= 25, `frames every ~20 ms (median gap ${p50.toFixed(1)} ms)`);
  // Released once the API has acknowledged the end, a moment after the row changed: waited for, not sampled.
  await waitUntil('the call released', () => h.controller.tracker.size === 0, 5_000).catch(() => undefined);
  t.equal(h.controller.tracker.size, 0, 'no call left in the tracker');
  t.same(h.ari.state().bridges, [], 'the bridge was destroyed');
});
