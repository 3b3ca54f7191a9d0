// Bug: the kitchen's capacity per 15-minute slot was checked, then the order
// inserted. Callers confirming at the same moment all saw the last place free,
// and all got it: a kitchen capped at one order per slot had four.
import t from 'tap';
import { startTestApi } from '../helpers/test-api.ts';
import { createServiceToken } from '../helpers/tokens.ts';

const DEMO_DID = '+33491000000';
const CALLERS = 4;

t.test('callers confirming at the same moment cannot all take the last place in a kitchen slot', async (t) => {
  const api = await startTestApi(t);
  const restaurant = await api.db.prisma.restaurant.findFirstOrThrow();
  // Before any call, so that every cache is loaded with the cap.
  await api.db.prisma.restaurant.update({ where: { id: restaurant.id }, data: { kitchenSlotMaxOrders: 1, kitchenSlotMaxItems: null } });
  const token = await createServiceToken(api.db.prisma, null);
  const post = async <T>(p: string, body: unknown): Promise<T> => {
    const res = await fetch(api.url + p, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await res.json()) as T;
  };
  const sessions = await Promise.all(Array.from({ length: CALLERS }, (_, n) =>
    post<{ callId: string; instructions: string }>('/api/agent/sessions', { did: DEMO_DID, callerNumber: `+3361122330${n}` })));
  const code = (re: RegExp) => re.exec(sessions[0]!.instructions)?.[1];
  const line = { code: code(/\[(i[0-9a-z]+)\] Margherita /), quantity: 1, options: [code(/\[(o[0-9a-z]+)\] Normale/)] };
  // Each caller's quote sees the earliest slot free.
  for (const s of sessions) {
    const q = await post<{ output: string }>(`/api/agent/calls/${s.callId}/tools/quote_order`, { toolCallId: 'quote', arguments: { type: 'pickup', lines: [line] } });
    t.equal((JSON.parse(q.output) as { ok: boolean }).ok, true, 'quoted');
  }

  const answers = await Promise.all(sessions.map((s, n) => post<{ ok: boolean; output: string }>(
    `/api/agent/calls/${s.callId}/tools/confirm_order`, { toolCallId: 'confirm', arguments: { type: 'pickup', lines: [line], customer_name: `Client ${n}` } })));

  const confirmed = answers.filter((a) => a.ok);
  t.equal(confirmed.length, 1, 'one caller gets the place');
  const orders = await api.db.prisma.order.count({ where: { callId: { in: sessions.map((s) => s.callId) } } });
  t.equal(orders, 1, 'and one order is in the kitchen slot');
  for (const refused of answers.filter((a) => !a.ok)) {
    const out = JSON.parse(refused.output) as { message: string };
    t.match(out.message, /La cuisine est complète à cette heure-là\. Proposez : \d\d:\d\d/, 'the others are told, with the next free times to offer');
  }
});
