// Load on the agent endpoints, the way a controller hits them: the real API in
// its own process on the real PostgreSQL, autocannon in this one, and the
// timed clients (a steady rate, paced callers) each in a fresh process.
import autocannon from 'autocannon';
import { ROOT } from './start-product.ts';
import { createTestDatabase } from '../../api/test/helpers/test-db.ts';
import { openDatabase } from '../../api/src/db/database.ts';
import { createServiceToken } from '../../api/test/helpers/tokens.ts';
import { DEMO_SLUG } from '../../api/src/seed/demo-seed.ts';
import { figures, startServerProcess } from './bench-load.ts';
import { inOwnProcess } from './bench-client.ts';
import { benchFloor } from './bench-floor.ts';

function startApi(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  return startServerProcess({
    name: 'API', cwd: ROOT, printed: /"url":"(http:[^"]+)"/,
    args: [...(process.env.VO_BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.VO_BENCH_PROF}`] : []), '--import', 'tsx', 'api/src/main.ts'],
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, SEED_DEMO: 'true', PORT: '0', LOG_LEVEL: 'info', SECRETS_KEY: Buffer.alloc(32, 9).toString('base64'), DASHBOARD_DIST: '/nonexistent' },
  });
}

// Half the session target (2000/s): a steady load well above what one platform's calls ever start.
const SESSION_RATE = 1000;
// A closed-loop run leaves requests queued in the API when the client stops; the next phase waits them out.
const SETTLE_MS = 2_000;

export async function benchAgentApi(opts: { seconds: number; connections: number }) {
  const tdb = await createTestDatabase({ migrated: true });
  const api = await startApi(tdb.url);
  const db = await openDatabase({ kind: 'postgres', url: tdb.url });
  try {
    const token = await createServiceToken(db.prisma, null);
    const r = await db.prisma.restaurant.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    // Orders pile up during the run: lift the kitchen cap so every one is a real create.
    await db.prisma.restaurant.update({ where: { id: r.id }, data: { kitchenSlotMaxOrders: null, kitchenSlotMaxItems: null } });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const body = JSON.stringify({ did: '+33491000000', callerNumber: '+33612345678' });
    // Between phases: the queue drained, and the WAL that one phase wrote flushed by a checkpoint,
    // so that its disk writes do not land in the next phase's latencies.
    const settle = async () => {
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      await db.prisma.$executeRawUnsafe('CHECKPOINT');
    };
    const answer = Buffer.from(await fetch(`${api.url}/api/agent/sessions`, { method: 'POST', headers, body }).then((x) => x.arrayBuffer()).then((b) => new Uint8Array(b)));
    const session = JSON.parse(answer.toString()) as { instructions: string };
    const code = (re: RegExp) => re.exec(session.instructions)?.[1];
    const line = { code: code(/\[(i[0-9a-z]+)\] Margherita /), quantity: 1, options: [code(/\[(o[0-9a-z]+)\] Normale/)] };

    // Warm-up.
    await autocannon({ url: `${api.url}/api/agent/sessions`, method: 'POST', headers, body, connections: 10, duration: 1 });
    await settle();
    // 100 callers at a person's pace first, on the demo restaurant as seeded: the saturation runs below leave
    // thousands of calls and orders behind, which no restaurant's evening has.
    // 40 s gives ~500 requests of each kind: a p99 that is not just the third-worst request.
    const callers = await inOwnProcess('paced', { url: api.url, headers, line, callers: opts.connections, seconds: opts.seconds * 4 });
    await settle();

    // Latency at a steady arrival rate below saturation: what a call start waits when the API is busy but not queueing.
    const sessionsAtRate = await inOwnProcess('steady', { url: `${api.url}/api/agent/sessions`, headers, body, rate: SESSION_RATE, seconds: opts.seconds });
    await settle();

    // Sessions at full load.
    const failures = new Map<string, number>();
    const sessions = figures(await autocannon({
      url: `${api.url}/api/agent/sessions`, method: 'POST', headers, body, connections: opts.connections, duration: opts.seconds,
      requests: [{ onResponse: (status: number, text: string) => {
        if (status >= 300) failures.set(`${status} ${text.slice(0, 120)}`, (failures.get(`${status} ${text.slice(0, 120)}`) ?? 0) + 1);
      } }],
    }));
    if (failures.size) console.error('session failures:', Object.fromEntries(failures));
    await settle();
    // One call per confirm_order, as 100 callers each confirming their own order, back to back.
    const calls = await db.prisma.call.createManyAndReturn({
      // 100 concurrent callers are 100 people: each call has its own number (one shared number would make every
      // order wait on that one customer's row, which no real rush hour does).
      data: Array.from({ length: 20_000 }, (_, n) => ({ restaurantId: r.id, callerNumber: `+336${String(10_000_000 + n).padStart(8, '0')}` })), select: { id: true },
    });
    let i = 0;
    const tools = figures(await autocannon({
      url: api.url, connections: opts.connections, duration: opts.seconds,
      requests: [{
        method: 'POST', headers,
        setupRequest: (req) => {
          const callId = calls[i++ % calls.length]!.id;
          return { ...req, path: `/api/agent/calls/${callId}/tools/confirm_order`, body: JSON.stringify({ toolCallId: `bench-${i}`, arguments: { type: 'pickup', lines: [line], customer_name: 'Bench' } }) };
        },
      }],
    }));
    const orders = await db.prisma.order.count({ where: { source: 'phone_ai' } });
    const failed = await db.prisma.toolInvocation.findFirst({ where: { ok: false, toolCallId: { startsWith: 'bench-' } } });
    await settle();
    const floor = await benchFloor({ answer, databaseUrl: tdb.url, connections: opts.connections, seconds: opts.seconds, rate: SESSION_RATE });
    return { sessions, sessionsAtRate, tools, callers, floor, ordersCreated: orders, sampleFailure: failed?.result ?? null };
  } finally {
    await db.close();
    await api.stop();
    await tdb.drop();
  }
}
