// Order-to-board latency: from the controller's confirm_order call to the card
// in the DOM of a dashboard open on the orders board (real Chromium, real API,
// real PostgreSQL with LISTEN/NOTIFY). Not a test: `npm run bench` calls it.
import type { Test } from 'tap';
import { client, startTestApi } from '../../api/test/helpers/test-api.ts';
import { DEMO_OWNER, DEMO_SLUG } from '../../api/src/seed/demo-seed.ts';
import { agentClient } from './helpers/agent.ts';
import { launchBrowser, newFrenchContext } from './helpers/browser.ts';
import { buildDashboard } from './helpers/build.ts';
import { armNextCard, nowMs } from './helpers/latency.ts';

export interface BoardLatency { orders: number; p50: number; p99: number; max: number; samples: number[] }

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export async function benchBoardLatency(opts: { orders?: number } = {}): Promise<BoardLatency> {
  const n = opts.orders ?? 50;
  const cleanups: (() => unknown)[] = [];
  // startTestApi only needs somewhere to register its teardown.
  const fakeTap = { teardown: (fn: () => unknown) => cleanups.push(fn) } as unknown as Test;
  try {
    const api = await startTestApi(fakeTap, { DASHBOARD_DIST: buildDashboard() });
    const prisma = api.db.prisma;
    // Fifty orders in a few seconds would fill the demo kitchen's slots; lift the cap so each is a real create.
    await prisma.restaurant.update({ where: { slug: DEMO_SLUG }, data: { kitchenSlotMaxOrders: null, kitchenSlotMaxItems: null } });
    const agent = await agentClient(api.url, prisma);
    const browser = await launchBrowser();
    cleanups.push(() => browser.close());
    const page = await (await newFrenchContext(browser, api.url)).newPage();
    const login = await client(api.url).post<{ restaurants: { id: string }[] }>('/api/auth/login', DEMO_OWNER);
    const rid = login.body.restaurants[0]!.id;
    await page.goto('/');
    await page.getByLabel('Adresse e-mail').fill(DEMO_OWNER.email);
    await page.getByLabel('Mot de passe').fill(DEMO_OWNER.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('restaurant-name').waitFor();
    await page.goto(`/#/r/${rid}/orders`);
    await page.getByTestId('order-board').waitFor();

    const samples: number[] = [];
    for (let i = 0; i <= n; i++) {
      const session = await agent.session();
      const seen = await armNextCard(page);
      const t0 = nowMs();
      await agent.confirmOrder(session, `Bench ${i}`);
      const latency = (await seen()).at - t0;
      if (i > 0) samples.push(latency); // the first one warms the API up
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    return { orders: n, p50: round(pct(sorted, 50)), p99: round(pct(sorted, 99)), max: round(sorted.at(-1) ?? NaN), samples: samples.map(round) };
  } finally {
    for (const fn of cleanups.reverse()) await fn();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchBoardLatency();
  console.log(`order to board over ${r.orders} orders: p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`);
}
