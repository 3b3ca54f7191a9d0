// Load on the agent endpoints, the way a controller hits them: the real API in
// its own process on the real PostgreSQL, autocannon in this one.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { ROOT } from './start-product.ts';
import { createTestDatabase } from '../../api/test/helpers/test-db.ts';
import { openDatabase } from '../../api/src/db/database.ts';
import { createServiceToken } from '../../api/test/helpers/tokens.ts';
import { DEMO_SLUG } from '../../api/src/seed/demo-seed.ts';

export interface LoadFigures { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }

const figures = (r: autocannon.Result): LoadFigures => ({
  rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, requests: r.requests.total,
});

async function startApi(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, SEED_DEMO: 'true', PORT: '0', LOG_LEVEL: 'info', SECRETS_KEY: Buffer.alloc(32, 9).toString('base64'), DASHBOARD_DIST: '/nonexistent' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:[^"]+)"/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`API exited ${code}: ${out}`)));
  });
  child.stdout.removeAllListeners('data');
  child.stdout.resume();
  return { url, stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }) };
}

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
    const session = await fetch(`${api.url}/api/agent/sessions`, { method: 'POST', headers, body }).then((x) => x.json() as Promise<{ instructions: string }>);
    const code = (re: RegExp) => re.exec(session.instructions)?.[1];
    const line = { code: code(/\[(i[0-9a-z]+)\] Margherita /), quantity: 1, options: [code(/\[(o[0-9a-z]+)\] Normale/)] };

    // Warm-up, then sessions at full load.
    await autocannon({ url: `${api.url}/api/agent/sessions`, method: 'POST', headers, body, connections: 10, duration: 1 });
    const failures = new Map<string, number>();
    const sessions = figures(await autocannon({
      url: `${api.url}/api/agent/sessions`, method: 'POST', headers, body, connections: opts.connections, duration: opts.seconds,
      requests: [{ onResponse: (status: number, text: string) => {
        if (status >= 300) failures.set(`${status} ${text.slice(0, 120)}`, (failures.get(`${status} ${text.slice(0, 120)}`) ?? 0) + 1);
      } }],
    }));
    if (failures.size) console.error('session failures:', Object.fromEntries(failures));

    // One call per confirm_order, as 100 callers each confirming their own order.
    const calls = await db.prisma.call.createManyAndReturn({
      data: Array.from({ length: 20_000 }, () => ({ restaurantId: r.id, callerNumber: '+33612345678' })), select: { id: true },
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
    return { sessions, tools, ordersCreated: orders, sampleFailure: failed?.result ?? null };
  } finally {
    await db.close();
    await api.stop();
    await tdb.drop();
  }
}
