// What goes wrong on real lines: hang-ups mid-sentence, silent callers, a
// dropped model socket, an API that dies mid-order, and calls in parallel.
import t from 'tap';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCallHarness, codeIn, waitUntil } from './call-harness.ts';

t.test('the caller hangs up mid-reply: the model socket closes within a second, nothing is left behind', async (t) => {
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 8000, text: 'Une très longue présentation…' });
    await rt.idle(3000);
  });
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  await waitUntil('audio flowing', () => h.ari.callerAudioReceived(channelId).packets.length > 20);
  const hungUpAt = performance.now();
  h.ari.callerHangsUp(channelId);
  await waitUntil('the model socket closed', () => h.realtime.connections[0]?.closed);
  t.ok(performance.now() - hungUpAt < 1000, 'closed within 1 s');
  await waitUntil('tracker empty', () => h.controller.tracker.size === 0);
  const call = await waitUntil('ended', () => h.api.db.prisma.call.findFirst({ where: { channelId, endedAt: { not: null } } }));
  t.equal(call.endedBy, 'caller');
  t.equal(call.endReason, 'caller_hangup');
  t.same(h.ari.state().bridges, [], 'no bridge left');
  t.equal(h.ari.state().channels.filter((c) => c.name.startsWith('UnicastRTP/')).length, 0, 'no media channel left');
});

t.test('a silent caller still lets the model hear silence (its VAD needs it)', async (t) => {
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    await rt.waitForAudio(1000);
  });
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  const conn = await h.realtime.nextConnection();
  await waitUntil('1 s of audio appended', () => conn.appendedMs >= 1000);
  t.ok(conn.audio.length > 0, 'silence frames were appended though Asterisk sent no RTP');
  const loudest = Math.max(...conn.audio.flatMap((c) => Array.from(c.samples, Math.abs)));
  t.ok(loudest < 64, `and it is silence (peak ${loudest})`);
  h.ari.callerHangsUp(channelId);
});

t.test('the model socket drops: one reconnect restores the conversation', async (t) => {
  let connections = 0;
  const h = await startCallHarness(t, async (rt) => {
    if (connections++ > 0) return; // the second connection is examined by the test itself
    await rt.waitForSessionUpdate();
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 300, text: 'Bonjour, Pizzeria Bella.' });
    rt.speechStarted();
    rt.speechStopped();
    rt.transcript('Je voudrais réserver pour ce soir.');
    await rt.idle(200);
    rt.drop();
  });
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  await waitUntil('a second connection', () => h.realtime.connections.length >= 2, 10_000);
  const second = h.realtime.connections[1]!;
  await second.waitForSessionUpdate();
  const resume = await second.waitForResponseCreate();
  t.match(resume.instructions ?? '', /coupure/, 'the model apologises and resumes');
  t.ok(second.createdItems.some((i) => JSON.stringify(i).includes('réserver pour ce soir')), 'the transcript so far was restored');
  t.equal(h.controller.tracker.byChannelId(channelId)?.state, 'active', 'the caller never left');
  h.ari.callerHangsUp(channelId);
});

t.test('the API dies right after taking an order: the retry returns it, exactly one order', async (t) => {
  let cut = true;
  let upstream = '';
  // Between the controller and the API: the first confirm_order reaches the API, but its answer is lost.
  const proxy = http.createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (d: Buffer) => body.push(d));
    req.on('end', () => {
      const fwd = http.request(upstream + req.url, { method: req.method, headers: req.headers }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => {
          if (cut && req.url?.includes('/tools/confirm_order')) { cut = false; req.socket.destroy(); return; }
          res.writeHead(r.statusCode ?? 500, r.headers).end(Buffer.concat(chunks));
        });
      });
      fwd.end(Buffer.concat(body));
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  t.teardown(() => new Promise<void>((r) => { proxy.close(() => r()); proxy.closeAllConnections(); }));
  let output = '';
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    const margherita = codeIn(String(rt.session.instructions), 'i', 'Margherita');
    const normale = codeIn(String(rt.session.instructions), 'o', 'Normale');
    await rt.waitForResponseCreate();
    const id = await rt.callTool('confirm_order', { type: 'pickup', lines: [{ code: margherita, quantity: 1, options: [normale] }], customer_name: 'Sam' });
    output = await rt.waitForToolOutput(id);
  }, {}, {
    apiUrl: async (real) => {
      upstream = real;
      return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    },
  });
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  await waitUntil('the tool answer', () => output, 15_000);
  t.equal(cut, false, 'the first answer was lost on the way back');
  t.match(JSON.parse(output), { ok: true, data: { confirmed: true } }, 'the model still hears "confirmed", from the retry');
  const call = await h.api.db.prisma.call.findFirstOrThrow({ where: { channelId } });
  t.equal(await h.api.db.prisma.order.count({ where: { callId: call.id } }), 1, 'exactly one order');
  h.ari.callerHangsUp(channelId);
});

t.test('two calls to two restaurants at once: each number reaches its own restaurant', async (t) => {
  const sessions: string[] = [];
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    sessions.push(String(rt.session.instructions));
    await rt.idle(500);
  });
  const prisma = h.api.db.prisma;
  const other = await prisma.restaurant.create({ data: { slug: 'le-vieux-port', name: 'Le Vieux Port', addressLine1: '1 quai du Port', postcode: '13002', city: 'Marseille' } });
  await prisma.phoneLine.create({ data: { restaurantId: other.id, did: '+33491999999', kind: 'ovh_trunk', endpointName: 'vieux-port-trunk', codec: 'ulaw' } });
  const a = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611111111', codec: 'alaw' });
  const b = h.ari.startCall({ did: '+33491999999', callerNumber: '+33622222222', codec: 'ulaw' });
  await waitUntil('two sessions', () => sessions.length === 2);
  t.ok(sessions.some((s) => s.includes('Pizzeria Bella')) && sessions.some((s) => s.includes('Le Vieux Port')));
  const calls = await waitUntil('two call rows', async () => {
    const rows = await prisma.call.findMany({ where: { channelId: { in: [a, b] } } });
    return rows.length === 2 ? rows : null;
  });
  t.same(new Set(calls.map((c) => c.restaurantId)).size, 2, 'one call per restaurant');
  h.ari.callerHangsUp(a);
  h.ari.callerHangsUp(b);
  await waitUntil('both closed', () => h.controller.tracker.size === 0);
});

t.test('a caller who says nothing is asked if they are there, then the agent says goodbye and hangs up', async (t) => {
  const h = await startCallHarness(t, async (rt) => {
    await rt.waitForSessionUpdate();
    await rt.waitForResponseCreate();
    await rt.reply({ audioMs: 300, text: 'Bonjour !' });
    const prompt = await rt.waitForResponseCreate();
    t.match(prompt.instructions ?? '', /toujours là/, 'first, the agent asks if the caller is still there');
    await rt.reply({ audioMs: 300, text: 'Vous êtes toujours là ?' });
    const bye = await rt.waitForResponseCreate();
    t.match(bye.instructions ?? '', /terminer/, 'then it says goodbye');
    await rt.reply({ audioMs: 300, text: 'Au revoir.' });
  }, { IDLE_TIMEOUT_MS: '1500' });
  const channelId = h.ari.startCall({ did: '+33491000000', callerNumber: '+33611223344', codec: 'alaw' });
  const call = await waitUntil('the call to end', () => h.api.db.prisma.call.findFirst({ where: { channelId, endedAt: { not: null } } }), 20_000);
  t.equal(call.endReason, 'idle_timeout');
  t.equal(call.endedBy, 'agent');
});
