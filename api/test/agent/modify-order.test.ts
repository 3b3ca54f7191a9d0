import t from 'tap';
import { startTestApi, client } from '../helpers/test-api.ts';
import { createServiceToken } from '../helpers/tokens.ts';
import { openDayAhead } from '../helpers/demo.ts';
import type { AgentSession, ToolCallResponse } from '../../src/contract/index.ts';

const DID = '+33491000000';
const CALLER = '+33611223344';

t.test('a caller who adds a drink after confirming: the order taken on the call is changed, not refused', async (t) => {
  const api = await startTestApi(t);
  const prisma = api.db.prisma;
  const controller = client(api.url, { bearer: await createServiceToken(prisma, null) });
  const start = async () => (await controller.post<AgentSession>('/api/agent/sessions', { did: DID, callerNumber: CALLER })).body;
  const s = await start();
  const code = (re: RegExp) => re.exec(s.instructions)?.[1];
  const margherita = code(/\[(i[0-9a-z]+)\] Margherita /), grande = code(/\[(o[0-9a-z]+)\] Grande/), coca = code(/\[(i[0-9a-z]+)\] Coca-Cola 33 cl /);
  t.ok(margherita && grande && coca, 'the codes are in the instructions');
  const tool = (callId: string, name: string, toolCallId: string, args: unknown) =>
    controller.post<ToolCallResponse>(`/api/agent/calls/${callId}/tools/${name}`, { toolCallId, arguments: args });
  const out = (r: { body: ToolCallResponse }) => JSON.parse(r.body.output) as { ok: boolean; message?: string; data?: Record<string, unknown> };

  const pizzas = [{ code: margherita, quantity: 2, options: [grande] }];
  const withCoke = [...pizzas, { code: coca, quantity: 1 }];
  const date = openDayAhead(new Date());
  const confirmed = out(await tool(s.callId, 'confirm_order', 'c1', { type: 'pickup', lines: pizzas, date, time: '19:30', customer_name: 'Léa Martin' }));
  t.ok(confirmed.ok);
  const before = await prisma.order.findFirstOrThrow({ where: { callId: s.callId }, include: { customer: true } });

  const again = out(await tool(s.callId, 'confirm_order', 'c2', { type: 'pickup', lines: withCoke, customer_name: 'Léa Martin' }));
  t.equal(again.ok, false, 'a second confirm_order on the call is still refused');
  t.match(again.message, /modify_order/, 'and the refusal points the model at modify_order');

  const quoted = out(await tool(s.callId, 'quote_order', 'q1', { type: 'pickup', lines: withCoke, date, time: '19:30' }));
  const modified = await tool(s.callId, 'modify_order', 'm1', { lines: withCoke });
  const m = out(modified);
  t.ok(m.ok, m.message ?? 'modify_order answers ok');
  t.equal(m.data!.totalCents, quoted.data!.totalCents, 'priced as a new order with the can would be (offers included)');
  t.ok((m.data!.totalCents as number) > before.totalCents);
  t.equal(m.data!.previousTotalCents, before.totalCents);
  t.equal(m.data!.orderNumber, before.number, 'the same order, with its number');
  t.equal(m.data!.promisedTime, '19:30', 'the time the caller asked for stays');
  t.match((m.data!.readBack as string[]).join(' '), /Coca-Cola/, 'a read-back the model can say');

  const after = await prisma.order.findFirstOrThrow({ where: { callId: s.callId }, include: { items: { orderBy: { sortOrder: 'asc' } }, customer: true } });
  t.same(after.items.map((i) => [i.name, i.quantity]), [['Margherita', 2], ['Coca-Cola 33 cl', 1]], 'the kitchen sees the new lines');
  t.equal(await prisma.order.count({ where: { callId: s.callId } }), 1, 'no second order');
  t.equal(after.customer!.totalSpentCents, before.customer!.totalSpentCents + after.totalCents - before.totalCents, "the caller's spending follows the new total");
  const event = await prisma.liveEvent.findFirst({ where: { type: 'order.updated', payload: { path: ['orderId'], equals: after.id } } });
  t.same(event?.payload, { orderId: after.id, number: after.number, totalCents: after.totalCents, previousTotalCents: before.totalCents }, 'the dashboard is told');

  const replay = await tool(s.callId, 'modify_order', 'm1', { lines: withCoke });
  t.equal(replay.body.replayed, true, 'the same tool call again is answered from the first run');
  t.equal((await prisma.customer.findUniqueOrThrow({ where: { id: after.customerId! } })).totalSpentCents, after.customer!.totalSpentCents, 'and changes nothing twice');

  const bad = out(await tool(s.callId, 'modify_order', 'm2', { lines: [{ code: 'i-nope', quantity: 1 }] }));
  t.equal(bad.ok, false, 'an unknown code is answered, not applied');

  // The kitchen starts it: from then on a change is for a person.
  await prisma.order.update({ where: { id: after.id }, data: { status: 'preparing' } });
  const late = out(await tool(s.callId, 'modify_order', 'm3', { lines: pizzas }));
  t.equal(late.ok, false);
  t.match(late.message, /en préparation.*transférer/);
  t.equal((await prisma.order.findUniqueOrThrow({ where: { id: after.id } })).totalCents, after.totalCents, 'the order is as the kitchen has it');

  const other = await start();
  const none = out(await tool(other.callId, 'modify_order', 'm1', { lines: pizzas }));
  t.equal(none.ok, false);
  t.match(none.message, /Aucune commande.*confirm_order/, 'a call with no order yet is told to confirm one');
});

t.test('in a kitchen capped per slot, a changed order does not compete with itself, and cannot exceed the cap', async (t) => {
  const api = await startTestApi(t);
  const prisma = api.db.prisma;
  const restaurant = await prisma.restaurant.findFirstOrThrow();
  // One order and 4 items per quarter hour, set before any call so every cache has the cap.
  await prisma.restaurant.update({ where: { id: restaurant.id }, data: { kitchenSlotMaxOrders: 1, kitchenSlotMaxItems: 4 } });
  const controller = client(api.url, { bearer: await createServiceToken(prisma, null) });
  const s = (await controller.post<AgentSession>('/api/agent/sessions', { did: DID, callerNumber: CALLER })).body;
  const code = (re: RegExp) => re.exec(s.instructions)?.[1];
  const margherita = code(/\[(i[0-9a-z]+)\] Margherita /), normale = code(/\[(o[0-9a-z]+)\] Normale/), coca = code(/\[(i[0-9a-z]+)\] Coca-Cola 33 cl /);
  const tool = async (name: string, toolCallId: string, args: unknown) => JSON.parse((await controller.post<ToolCallResponse>(
    `/api/agent/calls/${s.callId}/tools/${name}`, { toolCallId, arguments: args })).body.output) as { ok: boolean; message?: string; data?: Record<string, unknown> };
  const date = openDayAhead(new Date());
  const pizza = { code: margherita, quantity: 1, options: [normale] };
  t.ok((await tool('confirm_order', 'c1', { type: 'pickup', lines: [pizza], date, time: '19:30', customer_name: 'Léa' })).ok);

  const drink = await tool('modify_order', 'm1', { lines: [pizza, { code: coca, quantity: 1 }] });
  t.ok(drink.ok, 'the slot holds one order, this one: adding a drink to it is not "kitchen full"');
  t.equal(drink.data!.promisedTime, '19:30');

  const tooMuch = await tool('modify_order', 'm2', { lines: [pizza, { code: coca, quantity: 4 }] });
  t.equal(tooMuch.ok, false, 'five items where the kitchen takes four are refused');
  t.match(tooMuch.message, /cuisine est complète/);
  const order = await prisma.order.findFirstOrThrow({ where: { callId: s.callId }, include: { items: true } });
  t.equal(order.items.reduce((n, i) => n + i.quantity, 0), 2, 'and the order stays as it was');
});
