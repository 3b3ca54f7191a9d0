// The dashboard in a real Chromium against the real API on the real PostgreSQL.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { client, startTestApi } from '../../api/test/helpers/test-api.ts';
import { openDayAhead } from '../../api/test/helpers/demo.ts';
import { DEMO_OWNER } from '../../api/src/seed/demo-seed.ts';
import { agentClient } from './helpers/agent.ts';
import { hasChromium, launchBrowser, newFrenchContext } from './helpers/browser.ts';
import { buildDashboard, DASHBOARD_DIR } from './helpers/build.ts';
import { armNextCard, nowMs } from './helpers/latency.ts';

// Screenshots are artefacts: kept under .tap unless asked for elsewhere (the README's come from SCREENSHOTS_DIR=docs/screenshots).
const SHOTS = path.resolve(DASHBOARD_DIR, '..', process.env.SCREENSHOTS_DIR ?? '.tap/screenshots');

if (!hasChromium()) {
  t.fail('Chromium is missing: apt-get install -y chromium');
} else {
  const dist = buildDashboard();
  const api = await startTestApi(t, { DASHBOARD_DIST: dist });
  const prisma = api.db.prisma;
  const agent = await agentClient(api.url, prisma);
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const context = await newFrenchContext(browser, api.url);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  mkdirSync(SHOTS, { recursive: true });
  const shot = async (p: Page, name: string) => {
    for (const [label, width] of [['laptop', 1366], ['tablet', 1024]] as const) {
      await p.setViewportSize({ width, height: 768 });
      await p.screenshot({ path: path.join(SHOTS, `${name}-${label}.png`) });
    }
    await p.setViewportSize({ width: 1366, height: 768 });
  };
  let rid = '';
  const go = (sub: string) => page.goto(`/#/r/${rid}/${sub}`);

  await t.test('a restaurateur logs in and lands on the restaurant', async (t) => {
    await page.goto('/');
    await page.getByLabel('Adresse e-mail').fill(DEMO_OWNER.email);
    await page.getByLabel('Mot de passe').fill(DEMO_OWNER.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('restaurant-name').waitFor();
    t.equal(await page.getByTestId('restaurant-name').textContent(), 'Pizzeria Bella');
    rid = /#\/r\/([^/]+)\//.exec(page.url())?.[1] ?? '';
    t.ok(rid, 'the URL names the restaurant');
    await shot(page, 'overview');
  });

  await t.test('an order confirmed by the agent appears on the board live, rings, and moves through its statuses', async (t) => {
    await go('orders');
    await page.getByTestId('order-board').waitFor();
    // The first order after the API starts pays one-off costs (query plans, lazy modules); measure a warm one.
    const warm = await agent.confirmOrder(await agent.session(), 'Échauffement');
    await page.locator(`[data-order-number="${warm.data?.orderNumber}"]`).waitFor();
    const alertsBefore = await page.evaluate(() => window.__voAlerts ?? 0);
    const s = await agent.session();
    const cardSeen = await armNextCard(page);
    const t0 = nowMs();
    const out = await agent.confirmOrder(s);
    const answered = nowMs() - t0;
    const seen = await cardSeen();
    const latency = seen.at - t0;
    t.comment(`order to board: ${latency.toFixed(0)} ms (the tool call itself answered in ${answered.toFixed(0)} ms)`);
    t.ok(latency < 300, `on the board within 300 ms (${latency.toFixed(0)} ms)`);
    const card = page.locator(`[data-order-number="${out.data?.orderNumber}"]`);
    t.equal(await card.getAttribute('data-status'), 'pending', 'a phone order waits for the kitchen to accept it');
    t.equal(await page.evaluate(() => window.__voAlerts ?? 0), alertsBefore + 1, 'the sound alert played once');
    await shot(page, 'orders');

    for (const next of ['confirmed', 'preparing', 'ready', 'completed']) {
      await card.getByTestId(`move-${next}`).click();
      await page.locator(`[data-testid=column-${next}] [data-order-number="${out.data?.orderNumber}"]`).waitFor();
    }
    t.equal(await card.getAttribute('data-status'), 'completed', 'moved to the last column');
    t.equal(await card.locator('[data-testid^=move-]').count(), 0, 'a completed order offers no move: only nextStatuses are buttons');

    // Opening the order: lines with options, the call it came from.
    await card.getByRole('link').first().click();
    await page.getByTestId('order-lines').waitFor();
    t.match(await page.getByTestId('order-lines').textContent(), /2 ×.*Margherita.*Grande/s);
    t.equal(await page.getByTestId('order-call-link').getAttribute('href'), `#/r/${rid}/calls/${s.callId}`);
  });

  await t.test('a new order rings and badges the nav on another page', async (t) => {
    await go('menu');
    await page.getByTestId('menu-category').first().waitFor();
    const before = await page.evaluate(() => window.__voAlerts ?? 0);
    await agent.confirmOrder(await agent.session(), 'Paul Durand');
    await page.getByTestId('nav-badge-orders').waitFor();
    t.equal(await page.getByTestId('nav-badge-orders').textContent(), '1');
    t.equal(await page.evaluate(() => window.__voAlerts ?? 0), before + 1);
  });

  await t.test('the call page shows the transcript as a conversation', async (t) => {
    const s = await agent.session();
    await agent.turn(s.callId, 'agent', 'Bonjour, Pizzeria Bella, je vous écoute !');
    await agent.turn(s.callId, 'caller', 'Je voudrais deux margherita grandes à emporter.');
    await agent.confirmOrder(s, 'Inès Caron');
    await go(`calls/${s.callId}`);
    await page.getByTestId('transcript').waitFor();
    const turns = page.getByTestId('turn');
    t.equal(await turns.count(), 2);
    t.equal(await turns.nth(0).getAttribute('data-role'), 'agent');
    t.match(await turns.nth(1).textContent(), /deux margherita grandes/);
    t.match(await page.getByTestId('tool-calls').textContent(), /confirm_order/);
    t.ok(await page.getByTestId('call-order-link').isVisible(), 'linked to the order it produced');
    await shot(page, 'call');
    await go('calls');
    await page.getByTestId('calls-table').waitFor();
    await shot(page, 'calls');
  });

  await t.test('validation errors from the API are shown next to the field; an item is created with an option group', async (t) => {
    await go('menu');
    await page.getByTestId('new-item').click();
    await page.getByLabel('Prix').fill('douze');
    await page.getByTestId('save-item').click();
    await page.getByTestId('error-name').waitFor();
    t.ok(await page.locator('#item-name.is-invalid').count(), 'the name input is marked invalid');
    t.ok(await page.getByTestId('error-priceCents').isVisible(), 'the price error sits under the price');

    await page.getByLabel('Nom', { exact: true }).fill('Calzone maison');
    await page.getByLabel('Prix').fill('13,50');
    await page.getByLabel('Gluten').check();
    await page.getByLabel('Lait').check();
    await page.getByTestId('open-group-form').click();
    await page.getByLabel('Nom du groupe').fill('Cuisson calzone');
    await page.getByTestId('option-name-0').fill('Bien cuite');
    await page.getByTestId('add-option').click();
    await page.getByTestId('option-name-1').fill('Bien cuite');
    await page.getByTestId('save-group').click();
    await page.getByTestId('error-options.1.name').waitFor();
    t.pass('a duplicate option name is refused next to that option');
    await page.getByTestId('option-name-1').fill('Moelleuse');
    await page.getByTestId('option-price-1').fill('0,50');
    await page.getByTestId('save-group').click();
    await page.getByLabel(/Cuisson calzone/).waitFor();
    t.ok(await page.getByLabel(/Cuisson calzone/).isChecked(), 'the new group is ticked on the item');
    await page.getByTestId('save-item').click();
    const row = page.getByTestId('menu-item').filter({ hasText: 'Calzone maison' });
    await row.waitFor();
    t.match(await row.textContent(), /Cuisson calzone/);
    t.match(await row.textContent(), /Gluten.*Lait/s);
    const stored = await prisma.menuItem.findFirstOrThrow({ where: { name: 'Calzone maison' }, include: { optionGroups: { include: { group: { include: { options: true } } } } } });
    t.equal(stored.priceCents, 1350);
    t.same(stored.optionGroups[0]?.group.options.map((o) => o.name).sort(), ['Bien cuite', 'Moelleuse']);
    await page.getByTestId('new-item').click();
    await shot(page, 'menu');
  });

  await t.test('a reservation made by hand from the free slots appears in the planning', async (t) => {
    const date = openDayAhead(new Date());
    await go('reservations');
    await page.getByTestId('open-new-reservation').click();
    await page.locator('#res-date').fill(date);
    await page.locator('#res-party').fill('4');
    const firstSlot = page.locator('#res-time option:not([value=""])').first();
    await firstSlot.waitFor({ state: 'attached' });
    await page.locator('#res-time').selectOption(await firstSlot.getAttribute('value') ?? '');
    await page.locator('#res-name').fill('Famille Lambert');
    await page.locator('#res-phone').fill('06 11 22 33 44');
    await page.getByTestId('create-reservation').click();
    await page.getByTestId('new-reservation').waitFor({ state: 'detached' });
    t.equal(await prisma.reservation.count({ where: { customerName: 'Famille Lambert', source: 'dashboard' } }), 1);

    await go('planning');
    await page.getByTestId('planning-date').fill(date);
    const bar = page.getByTestId('timeline-reservation').filter({ hasText: 'Famille Lambert' });
    await bar.waitFor();
    t.match(await bar.textContent(), /Famille Lambert · 4/);
    await page.getByTestId('planning-date').fill(new Date().toISOString().slice(0, 10));
    await page.getByTestId('reservation-timeline').waitFor();
    await shot(page, 'planning');
    await go('reservations');
    await page.getByTestId('reservations-list').or(page.getByText('Aucune réservation')).first().waitFor();
    await shot(page, 'reservations');
  });

  await t.test('a move the API refuses (409) shows its message', async (t) => {
    const out = await agent.confirmOrder(await agent.session(), 'Conflit');
    // A second screen moves the order while this one, cut from live events, still shows it pending.
    await page.route('**/events*', (r) => r.abort());
    await go('orders');
    await page.reload();
    const card = page.locator(`[data-order-number="${out.data?.orderNumber}"]`);
    await card.waitFor();
    const order = await prisma.order.findFirstOrThrow({ where: { number: out.data?.orderNumber, restaurantId: rid } });
    const owner = client(api.url);
    await owner.post('/api/auth/login', DEMO_OWNER);
    t.equal((await owner.patch(`/api/restaurants/${rid}/orders/${order.id}/status`, { status: 'cancelled', reason: 'test' })).status, 200);
    await card.getByTestId('move-confirmed').click();
    await page.getByTestId('move-error').waitFor();
    t.notMatch(await page.getByTestId('move-error').textContent(), /inattendue/, "the API's own message, not a generic one");
    t.comment(await page.getByTestId('move-error').textContent() ?? '');
    await page.unroute('**/events*');
  });

  await t.test("a restaurateur cannot open another restaurant's pages", async (t) => {
    const other = await prisma.restaurant.create({ data: { slug: 'chez-voisin', name: 'Chez le Voisin', addressLine1: '2 rue', postcode: '13001', city: 'Marseille' } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    for (const sub of ['orders', 'calls', 'menu']) {
      await page.goto(`/#/r/${other.id}/${sub}`);
      await page.getByTestId('not-found').waitFor();
    }
    t.notMatch(await page.content(), /Chez le Voisin/, 'nothing of the other restaurant is shown');
    t.notOk(requests.some((u) => u.includes(other.id)), 'and nothing of it is even requested');
  });

  await t.test('while the live link is down a reconnecting banner shows; once back, the board is reloaded', async (t) => {
    await page.route('**/events*', (r) => r.abort());
    await go('orders');
    await page.reload();
    await page.getByTestId('live-banner').waitFor();
    t.match(await page.getByTestId('live-banner').textContent(), /Reconnexion/);
    // An order placed while the link is down must show once it is back, without a reload.
    const out = await agent.confirmOrder(await agent.session(), 'Hors ligne');
    await page.unroute('**/events*');
    await page.getByTestId('live-banner').waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator(`[data-order-number="${out.data?.orderNumber}"]`).waitFor();
    t.pass('the missed order is on the board');
  });

  t.test('no script error on any page', async (t) => {
    t.same(pageErrors, []);
  });
}
