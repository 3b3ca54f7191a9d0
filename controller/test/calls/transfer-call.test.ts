// Hand-over to a human: asked by the model, by DTMF 0; answered or not.
import t from 'tap';
import { startCallHarness, waitUntil } from './call-harness.ts';
import { DEMO_SLUG } from '../../../api/src/seed/demo-seed.ts';

async function endedCall(h: Awaited<ReturnType<typeof startCallHarness>>, channelId: string) {
  const prisma = h.api.db.prisma;
  const call = await waitUntil('the call record', () => prisma.call.findFirst({ where: { channelId } }));
  return waitUntil('the end of the call', async () => {
    const c = await prisma.call.findUnique({ where: { id: call.id } });
    return c?.endedAt ? c : null;
  }, 20_000);
}

t.test('the model transfers, the staff phone answers, the call is bridged and recorded', async (t) => {
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 400, text: 'Bonjour !' });
    const id = await rt.callTool('transfer_to_human', { reason: 'le client veut parler au gérant' });
    await rt.waitForToolOutput(id);
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 600, text: 'Je vous passe un collègue, ne quittez pas.' });
  });
  h.ari.setOriginateBehaviour(/ht841-fxs-1/, 'answer', 300);
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  await waitUntil('the caller bridged to the staff', () => h.controller.tracker.byChannelId(channelId)?.state === 'with_staff');
  const originate = h.ari.requests.find((r) => r.method === 'POST' && r.path === '/ari/channels' && String(r.query.endpoint).includes('ht841-fxs-1'));
  t.ok(originate, 'the restaurant’s transfer target was called');
  t.ok(h.ari.requests.some((r) => r.method === 'POST' && /\/ring$/.test(r.path)), 'the caller heard ringing meanwhile');
  h.ari.callerHangsUp(channelId);
  const call = await endedCall(h, channelId);
  t.equal(call.transferResult, 'answered');
  t.equal(call.outcome, 'transferred');
  t.equal(call.transferTarget, 'ht841-fxs-1');
});

t.test('nobody answers: back to the agent, who takes a message', async (t) => {
  let messageTaken = false;
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 300, text: 'Bonjour !' });
    const id = await rt.callTool('transfer_to_human', { reason: 'demande' });
    await rt.waitForToolOutput(id);
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 300, text: 'Je transfère.' });
    const back = await rt.waitForResponseCreate();
    t.match(back.instructions ?? '', /transfert a échoué/, 'the model is told the transfer failed');
    const m = await rt.callTool('take_message', { message: 'Rappeler pour un devis de mariage', callback_wanted: true, name: 'M. Nguyen' });
    messageTaken = JSON.parse(await rt.waitForToolOutput(m)).ok as boolean;
  });
  h.ari.setOriginateBehaviour(/ht841-fxs-1/, 'noanswer', 200);
  await h.api.db.prisma.restaurant.updateMany({ data: { transferTimeoutMs: 5000 } });
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  await waitUntil('the message', () => messageTaken, 20_000);
  t.equal(h.controller.tracker.byChannelId(channelId)?.state, 'active', 'the caller is back with the agent');
  h.ari.callerHangsUp(channelId);
  const call = await endedCall(h, channelId);
  t.equal(call.transferResult, 'no_answer');
  t.equal(call.outcome, 'message_taken');
  t.equal(await h.api.db.prisma.message.count({ where: { callId: call.id } }), 1);
});

t.test('the caller presses 0: straight to a human', async (t) => {
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 2000, text: 'Bonjour, je vous écoute.' });
  });
  h.ari.setOriginateBehaviour(/ht841-fxs-1/, 'answer', 100);
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  await waitUntil('the call active', () => h.controller.tracker.byChannelId(channelId)?.state === 'active');
  h.ari.pressDtmf(channelId, '0');
  await waitUntil('bridged to staff', () => h.controller.tracker.byChannelId(channelId)?.state === 'with_staff');
  h.ari.callerHangsUp(channelId);
  const call = await endedCall(h, channelId);
  t.equal(call.transferResult, 'answered');
});

t.test('a transfer to a mobile number goes out through the restaurant trunk context, with its own number presented', async (t) => {
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 1000, text: 'Bonjour, je vous écoute.' });
  });
  const r = await h.api.db.prisma.restaurant.update({
    where: { slug: DEMO_SLUG }, data: { transferTargetKind: 'number', transferTarget: '+33612345678' },
  });
  h.ari.setOriginateBehaviour(/^Local\//, 'answer', 100);
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  await waitUntil('the call active', () => h.controller.tracker.byChannelId(channelId)?.state === 'active');
  h.ari.pressDtmf(channelId, '0');
  await waitUntil('bridged to staff', () => h.controller.tracker.byChannelId(channelId)?.state === 'with_staff');
  const originate = h.ari.requests.find((q) => q.method === 'POST' && q.path === '/ari/channels' && String(q.query.endpoint).startsWith('Local/'));
  t.equal(originate?.query.endpoint, `Local/+33612345678@vo-transfer-${r.slug}`, 'the rendered transfer context dials out with the restaurant’s number');
  t.equal(originate?.query.formats, 'alaw,ulaw', 'G.711 is requested: with every format a Local/ leg fails to dial the trunk');
  h.ari.callerHangsUp(channelId);
  t.equal((await endedCall(h, channelId)).transferResult, 'answered');
});

t.test('a busy number (cause 17 on the Local/ leg) brings the caller back to the agent as busy', async (t) => {
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 300, text: 'Bonjour !' });
  });
  await h.api.db.prisma.restaurant.update({ where: { slug: DEMO_SLUG }, data: { transferTargetKind: 'number', transferTarget: '+33612345678' } });
  h.ari.setOriginateBehaviour(/^Local\//, 'busy', 100);
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  await waitUntil('the call active', () => h.controller.tracker.byChannelId(channelId)?.state === 'active');
  h.ari.pressDtmf(channelId, '0');
  await waitUntil('transferring', () => h.controller.tracker.byChannelId(channelId)?.state === 'transferring');
  await waitUntil('back with the agent', () => h.controller.tracker.byChannelId(channelId)?.state === 'active');
  h.ari.callerHangsUp(channelId);
  t.equal((await endedCall(h, channelId)).transferResult, 'busy');
});
