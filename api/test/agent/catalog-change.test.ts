// A restaurateur changes a price: the next calls must quote it. The agent's
// knowledge and the pricing rules are cached per API process; PostgreSQL
// pushes each committed change to them (the catalog_change_notify triggers),
// so they reload at once instead of when they age out (60 s with changes pushed).
import t from 'tap';
import pg from 'pg';
import { startTestApi } from '../helpers/test-api.ts';
import { createServiceToken } from '../helpers/tokens.ts';
import { databaseUrl } from '../helpers/test-db.ts';

const DEMO_DID = '+33491000000';
// Bounds a wait that takes milliseconds when the change is pushed; without the push it would take a minute.
const WAIT_LIMIT_MS = 3_000;

async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`not seen within ${WAIT_LIMIT_MS} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

t.test('a price changed in the database reaches the next calls and their quotes', async (t) => {
  const api = await startTestApi(t);
  const token = await createServiceToken(api.db.prisma, null);
  const post = async <T>(p: string, body: unknown): Promise<T> => {
    const res = await fetch(api.url + p, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await res.json()) as T;
  };
  const session = () => post<{ callId: string; instructions: string }>('/api/agent/sessions', { did: DEMO_DID, callerNumber: '+33611220000' });
  const first = await session();
  t.match(first.instructions, /\] Margherita 11,00 €/, 'the seeded price');
  const code = (re: RegExp) => re.exec(first.instructions)?.[1];
  const line = { code: code(/\[(i[0-9a-z]+)\] Margherita /), quantity: 1, options: [code(/\[(o[0-9a-z]+)\] Normale/)] };
  let n = 0;
  const quote = async () => {
    const s = await session();
    const r = await post<{ output: string }>(`/api/agent/calls/${s.callId}/tools/quote_order`, { toolCallId: `q${n++}`, arguments: { type: 'pickup', lines: [line] } });
    return JSON.parse(r.output) as { ok: boolean; data?: { totalCents: number } };
  };
  t.equal((await quote()).data?.totalCents, 1100, 'quoted at the seeded price (and now cached)');

  // Written as a restaurateur's edit or an import would, outside this API process's code.
  const [db] = await api.db.sql.query<{ name: string }>({ text: 'SELECT current_database() AS name' });
  const admin = new pg.Client({ connectionString: databaseUrl(db!.name) });
  await admin.connect();
  t.teardown(() => admin.end());
  await admin.query(`UPDATE "MenuItem" SET "priceCents" = 1250 WHERE name = 'Margherita'`);

  await eventually('the new price in the instructions', async () => (/\] Margherita 12,50 €/.test((await session()).instructions) ? true : undefined));
  t.pass('the next calls are told the new price');
  const total = await eventually('the new price in a quote', async () => { const q = await quote(); return q.data?.totalCents === 1250 ? 1250 : undefined; });
  t.equal(total, 1250, 'and quote it');

  // The listener's connection drops; a change made before it is back was never heard, so all is reloaded on reconnection.
  const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'voiceorder-catalog' AND datname = current_database()`);
  t.equal(killed.rowCount, 1, 'the listener\'s connection is closed by the server');
  await admin.query(`UPDATE "MenuItem" SET "priceCents" = 1300 WHERE name = 'Margherita'`);
  await eventually('the price changed while the listener was away', async () => (/\] Margherita 13,00 €/.test((await session()).instructions) ? true : undefined));
  t.pass('a change made while the listener reconnected still reaches the calls');
});

t.test('a phone line switched off stops taking calls at once', async (t) => {
  const api = await startTestApi(t);
  const token = await createServiceToken(api.db.prisma, null);
  const start = () => fetch(`${api.url}/api/agent/sessions`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ did: DEMO_DID, callerNumber: '+33611220001' }),
  }).then(async (r) => ({ status: r.status, body: await r.text() }));
  t.equal((await start()).status, 201, 'the line takes calls (and is now cached)');
  await api.db.sql.query({ text: `UPDATE "PhoneLine" SET enabled = false WHERE did = $1`, values: [DEMO_DID] });
  const refused = await eventually('the line refusing calls', async () => { const r = await start(); return r.status === 404 ? r : undefined; });
  t.match(refused.body, /No active phone line/);
});
