// The agent's hot paths run as plain SQL beside Prisma (api/src/db/sql.ts).
// They must behave the same on a PostgreSQL server and on the embedded PGlite
// that `npm start` uses, and store times as UTC whatever the process's zone.
import t, { type Test } from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startApi, type ApiHandle } from '../../src/server.ts';
import { createServiceToken } from '../helpers/tokens.ts';
import { startTestApi, TEST_SECRETS_KEY } from '../helpers/test-api.ts';

// Far from UTC on purpose: a timestamp read or written in the process's zone shows up as hours of error.
process.env.TZ = 'Pacific/Auckland';

const DEMO_DID = '+33491000000';

const onPostgres = (t: Test): Promise<ApiHandle> => startTestApi(t);

async function onPglite(t: Test): Promise<ApiHandle> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vo-pglite-'));
  const api = await startApi(loadConfig({ DATA_DIR: dir, PORT: '0', SEED_DEMO: 'true', SECRETS_KEY: TEST_SECRETS_KEY, DASHBOARD_DIST: '/nonexistent', LOG_LEVEL: 'silent' }), { log: createLogger('silent') });
  t.teardown(async () => { await api.close(); await rm(dir, { recursive: true, force: true }); });
  return api;
}

type Tool = { ok: boolean; output: string; replayed: boolean };

for (const [kind, open] of [['PostgreSQL', onPostgres], ['PGlite', onPglite]] as const) {
  t.test(`a phone order end to end on ${kind}`, async (t) => {
    const api = await open(t);
    // A kitchen cap, so the order goes in through the capped path: a transaction under the kitchen lock.
    await api.db.prisma.restaurant.updateMany({ data: { kitchenSlotMaxOrders: 20, kitchenSlotMaxItems: 100 } });
    const token = await createServiceToken(api.db.prisma, null);
    const post = async <T>(p: string, body: unknown): Promise<{ status: number; body: T }> => {
      const res = await fetch(api.url + p, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as T };
    };
    const caller = '+33611223344';
    const before = Date.now();
    const s = await post<{ callId: string; instructions: string; customer: unknown }>('/api/agent/sessions', { did: DEMO_DID, callerNumber: caller });
    t.equal(s.status, 201);
    t.equal(s.body.customer, null, 'an unknown number is a new caller');
    const call = await api.db.prisma.call.findUniqueOrThrow({ where: { id: s.body.callId } });
    t.ok(Math.abs(call.startedAt.getTime() - before) < 60_000, `the call's start is stored as the real instant (${call.startedAt.toISOString()})`);

    const code = (re: RegExp) => re.exec(s.body.instructions)?.[1];
    const args = { type: 'pickup', lines: [{ code: code(/\[(i[0-9a-z]+)\] Margherita /), quantity: 2, options: [code(/\[(o[0-9a-z]+)\] Normale/)] }], customer_name: 'Nadia Benali' };
    const confirm = await post<Tool>(`/api/agent/calls/${s.body.callId}/tools/confirm_order`, { toolCallId: 'c1', arguments: args });
    t.equal(confirm.status, 200);
    const out = JSON.parse(confirm.body.output) as { ok: boolean; data: { orderNumber: number; totalCents: number; promisedTime: string } };
    t.ok(out.ok, 'the order is confirmed');

    const order = await api.db.prisma.order.findFirstOrThrow({ where: { callId: s.body.callId }, include: { items: true, customer: true } });
    t.equal(order.number, out.data.orderNumber, 'the number read back is the stored one');
    t.equal(order.totalCents, out.data.totalCents);
    t.equal(order.items.length, 1);
    t.equal(order.items[0]?.quantity, 2);
    t.equal(order.customerName, 'Nadia Benali');
    t.equal(order.customer?.phone, caller);
    t.equal(order.customer?.orderCount, 1, 'the customer is counted once');
    t.ok(Math.abs(order.createdAt.getTime() - Date.now()) < 60_000, `the order's time is the real instant (${order.createdAt.toISOString()})`);
    t.equal(await api.db.prisma.liveEvent.count({ where: { type: 'order.created' } }) >= 1, true, 'the dashboard is told');

    const again = await post<Tool>(`/api/agent/calls/${s.body.callId}/tools/confirm_order`, { toolCallId: 'c1', arguments: args });
    t.ok(again.body.replayed, 'a retry of the tool call gets the first answer');
    const second = await post<Tool>(`/api/agent/calls/${s.body.callId}/tools/confirm_order`, { toolCallId: 'c2', arguments: args });
    t.match(JSON.parse(second.body.output), { ok: false, message: new RegExp(`n° ${order.number} est déjà enregistrée`) }, 'a second order on the call is refused with the first one\'s number');
    t.equal(await api.db.prisma.order.count({ where: { callId: s.body.callId } }), 1);

    // "Et une de plus" after the confirmation: the same order changes, under the kitchen lock on this database too.
    const modified = await post<Tool>(`/api/agent/calls/${s.body.callId}/tools/modify_order`, { toolCallId: 'm1', arguments: { lines: [{ ...args.lines[0]!, quantity: 3 }] } });
    const m = JSON.parse(modified.body.output) as { ok: boolean; data: { totalCents: number } };
    t.ok(m.ok, 'the order is changed');
    const changed = await api.db.prisma.order.findFirstOrThrow({ where: { callId: s.body.callId }, include: { items: true, customer: true } });
    t.same([changed.items.length, changed.items[0]?.quantity, changed.totalCents], [1, 3, m.data.totalCents], 'three pizzas, at the total the model was told');
    t.equal(changed.customer?.totalSpentCents, m.data.totalCents, "the customer's spending is the new total");

    // The same number calls again: recognised, with the last order read back in the restaurant's day.
    const next = await post<{ customer: { firstName: string } | null; instructions: string }>('/api/agent/sessions', { did: DEMO_DID, callerNumber: caller });
    t.equal(next.body.customer?.firstName, 'Nadia', 'the caller is recognised');
    t.match(next.body.instructions, /3 × Margherita/, 'with their last order, as changed');
  });
}
