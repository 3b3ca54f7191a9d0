import t from 'tap';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { startTestApi, client } from '../helpers/test-api.ts';
import { createServiceToken } from '../helpers/tokens.ts';
import { openDayAhead } from '../helpers/demo.ts';
import type { AgentSession, ErrorBody, ToolCallResponse } from '../../src/contract/index.ts';

const DID = '+33491000000';

t.test('the agent session and its tools, as the controller uses them', async (t) => {
  const api = await startTestApi(t);
  const prisma = api.db.prisma;
  const controller = client(api.url, { bearer: await createServiceToken(prisma, null) });
  const regular = await prisma.customer.findFirstOrThrow({ where: { addresses: { some: {} }, firstName: { not: null } }, include: { addresses: true } });

  const started = await controller.post<AgentSession>('/api/agent/sessions', { did: '04 91 00 00 00', callerNumber: regular.phone, channelId: 'chan-1' });
  t.equal(started.status, 201);
  t.match(started.headers.get('server-timing'), /^app;dur=\d+(\.\d)?$/, "the answer says how long the API itself took (Server-Timing), apart from the network");
  const s = started.body;
  t.equal(s.restaurant.name, 'Pizzeria Bella', 'the called number chooses the restaurant');
  t.equal(s.language, 'fr');
  t.equal(s.audioFormat, 'audio/pcma', 'the OVH trunk line is A-law');
  t.match(s.instructions, new RegExp(`Client connu : ${regular.firstName}`), 'a regular is recognised by caller id');
  t.match(s.instructions, regular.addresses[0]!.line1, 'and offered the same address as last time');
  t.ok(s.stablePrefixChars > 1000, 'a long shared prefix');
  t.notMatch(s.instructions.slice(0, s.stablePrefixChars), regular.phone, 'nothing about the caller in the cached prefix');
  t.same(s.tools.map((x) => x.name).sort(), ['cancel_or_modify_reservation', 'check_availability', 'check_delivery_address', 'confirm_order', 'confirm_reservation', 'end_call', 'log_unknown_question', 'modify_order', 'quote_order', 'save_customer_info', 'take_message', 'transfer_to_human']);
  t.same(s.transfer, { kind: 'endpoint', target: 'ht841-fxs-1', timeoutMs: 25000, dial: 'PJSIP/ht841-fxs-1' });

  const enc = new Tiktoken(o200k);
  const instructionTokens = enc.encode(s.instructions).length;
  const toolTokens = enc.encode(JSON.stringify(s.tools)).length;
  t.comment(`instructions: ${instructionTokens} tokens (${s.instructions.length} chars), tools: ${toolTokens} tokens`);
  t.ok(instructionTokens < 6000, `the instructions stay compact (${instructionTokens} tokens)`);

  const anonymous = await controller.post<AgentSession>('/api/agent/sessions', { did: DID, callerNumber: null });
  t.match(anonymous.body.instructions, /Numéro masqué/);
  t.equal(anonymous.body.instructions.slice(0, s.stablePrefixChars), s.instructions.slice(0, s.stablePrefixChars),
    'two different callers get byte-identical prefixes, so the prompt cache is reused');
  t.equal((await controller.post<ErrorBody>('/api/agent/sessions', { did: '+33100000000' })).status, 404, 'an unknown number is refused');

  const firstCall = await prisma.call.findUniqueOrThrow({ where: { id: s.callId } });
  t.equal(firstCall.customerId, regular.id, "the regular's call is on their customer card");
  t.same((await prisma.customer.findUniqueOrThrow({ where: { id: regular.id } })).lastCallAt, firstCall.startedAt, 'their last call is this one');

  // Calls starting in the same instant share one statement: each still gets its own caller back.
  const rush = await Promise.all([regular.phone, '+33699000001', null, regular.phone, '+33699000002'].map((callerNumber) =>
    controller.post<AgentSession>('/api/agent/sessions', { did: DID, callerNumber })));
  t.same(rush.map((r) => r.status), [201, 201, 201, 201, 201]);
  t.same(rush.map((r) => r.body.customer?.id ?? null), [regular.id, null, null, regular.id, null], 'five calls at once: only the regular is recognised, twice');
  t.equal(new Set(rush.map((r) => r.body.callId)).size, 5, 'and each has its own call');
  const rows = await prisma.call.findMany({ where: { id: { in: rush.map((r) => r.body.callId) } }, orderBy: { callerNumber: 'asc' } });
  t.same(rows.map((c) => [c.callerNumber, c.customerId]).sort(), [
    ['+33699000001', null], ['+33699000002', null], [regular.phone, regular.id], [regular.phone, regular.id], [null, null],
  ].sort(), 'the call rows carry the caller and the customer they belong to');

  const codeOf = (name: string) => new RegExp(`\\[(i[0-9a-z]+)\\] ${name} `).exec(s.instructions)?.[1];
  const optionCode = (name: string) => new RegExp(`\\[(o[0-9a-z]+)\\] ${name}`).exec(s.instructions)?.[1];
  const margherita = codeOf('Margherita');
  const grande = optionCode('Grande');
  t.ok(margherita && grande, 'the menu is in the instructions with codes');
  const tool = (name: string, toolCallId: string, args: unknown) =>
    controller.post<ToolCallResponse>(`/api/agent/calls/${s.callId}/tools/${name}`, { toolCallId, arguments: JSON.stringify(args) });
  const out = (r: { body: ToolCallResponse }) => JSON.parse(r.body.output) as { ok: boolean; message?: string; data?: Record<string, unknown> };

  const date = openDayAhead(new Date());
  const order = { type: 'pickup', lines: [{ code: margherita, quantity: 2, options: [grande] }], date, time: '19:30' };

  const quote = await tool('quote_order', 'q1', order);
  t.equal(quote.status, 200);
  t.ok(out(quote).ok);
  t.match((out(quote).data!.readBack as string[]).join(' '), /2 × Margherita \(Grande\)/);

  await t.test('confirm_order sent 20 times at once gives one order', async (t) => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => tool('confirm_order', 'c1', { ...order, customer_name: 'Léa Martin' })));
    t.ok(answers.every((a) => a.status === 200));
    t.equal(new Set(answers.map((a) => out(a).data?.orderNumber)).size, 1, 'every answer names the same order');
    t.equal(await prisma.order.count({ where: { callId: s.callId } }), 1, 'one order row');
    const o = await prisma.order.findFirstOrThrow({ where: { callId: s.callId } });
    t.equal(o.source, 'phone_ai');
    t.equal(o.customerPhone, regular.phone, "the caller's number is on the order");
    t.equal(answers.filter((a) => !a.body.replayed).length >= 1, true);
  });

  await t.test('a bad argument or a sold-out item gets a French message, never a 500', async (t) => {
    const bad = await tool('quote_order', 'q2', { type: 'pickup', lines: [{ code: 'i-nope', quantity: 1 }] });
    t.equal(bad.status, 200);
    t.equal(out(bad).ok, false);
    t.match(out(bad).message!, /Arguments invalides/);
    const soldOut = await prisma.menuItem.findFirstOrThrow({ where: { restaurantId: s.restaurant.id, available: false } });
    const soldCode = codeOf(soldOut.name.replace(/[()]/g, '\\$&'));
    const r = await tool('quote_order', 'q3', { type: 'pickup', lines: [{ code: soldCode, quantity: 1 }] });
    t.equal(out(r).ok, false);
    t.match(out(r).message!, /disponible|épuisé/i);
    const garbage = await controller.post<ToolCallResponse>(`/api/agent/calls/${s.callId}/tools/quote_order`, { toolCallId: 'q4', arguments: '{not json' });
    t.equal(out(garbage).ok, false);
  });

  await t.test('transfer_to_human tells the controller where to transfer', async (t) => {
    const r = await tool('transfer_to_human', 't1', { reason: 'demande un humain' });
    t.equal(r.body.action, 'transfer');
    t.same(r.body.transfer, { kind: 'endpoint', target: 'ht841-fxs-1', timeoutMs: 25000, dial: 'PJSIP/ht841-fxs-1' });
  });

  await t.test('turns and the end are recorded, with the outcome and the cost', async (t) => {
    await controller.post(`/api/agent/calls/${s.callId}/answered`, {});
    await controller.post(`/api/agent/calls/${s.callId}/turns`, { role: 'agent', text: 'Bonjour, Pizzeria Bella !' });
    const turn = await controller.post<{ seq: number }>(`/api/agent/calls/${s.callId}/turns`, { role: 'caller', text: 'Deux margherita grandes.' });
    t.equal(turn.body.seq, 2);
    const end = await controller.post<{ outcome: string; costMicros: number }>(`/api/agent/calls/${s.callId}/end`, {
      endedBy: 'caller', endReason: 'caller_hangup', usage: { inputTokens: 1000, outputTokens: 500, cachedTokens: 400 },
    });
    t.equal(end.body.outcome, 'order_placed', 'inferred from the order the call created');
    t.equal(end.body.costMicros, 600 * 32 + 400 * 0.4 + 500 * 64);
    const again = await controller.post<{ outcome: string }>(`/api/agent/calls/${s.callId}/end`, { endedBy: 'agent', endReason: 'retry' });
    t.equal(again.body.outcome, 'order_placed', 'a second end keeps the first');
    const after = await tool('quote_order', 'q9', order);
    t.equal(out(after).ok, false, 'no tool runs after the call ended');
    const types = (await prisma.liveEvent.findMany({ where: { restaurantId: s.restaurant.id, payload: { path: ['callId'], equals: s.callId } } })).map((e) => e.type);
    t.ok(['call.started', 'call.turn', 'call.tool', 'call.ended'].every((x) => types.includes(x)), 'each step reached the dashboards live');
  });

  await t.test('a token of another restaurant cannot touch this call', async (t) => {
    const other = await prisma.restaurant.create({ data: { slug: 'ailleurs', name: 'Ailleurs', addressLine1: '1 rue', postcode: '75001', city: 'Paris' } });
    const foreign = client(api.url, { bearer: await createServiceToken(prisma, other.id) });
    t.equal((await foreign.post('/api/agent/sessions', { did: DID })).status, 404, 'it does not learn the number exists');
    t.equal((await foreign.post(`/api/agent/calls/${s.callId}/turns`, { role: 'caller', text: 'x' })).status, 404);
  });
});
