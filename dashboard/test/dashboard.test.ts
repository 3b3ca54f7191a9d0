// The dashboard in a real Chromium against the real API on the real PostgreSQL.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { client, startTestApi } from '../../api/test/helpers/test-api.ts';
import { openDayAhead } from '../../api/test/helpers/demo.ts';
import { DEMO_OWNER } from '../../api/src/seed/demo-seed.ts';
import { agentClient } from './helpers/agent.ts';
import { hasChromium, launchBrowser, logIn, newFrenchContext } from './helpers/browser.ts';
import { buildDashboard, DASHBOARD_DIR } from './helpers/build.ts';
import { armNextCard, nowMs } from './helpers/latency.ts';
// The page's window.__voAlerts counter, declared where the page sets it.
import type {} from '../src/live/orderAlert.ts';

// Generous on purpose: see the live-order test.
const LIVE_BOUND_MS = 5_000;

// Screenshots are artefacts: kept under .tap unless asked for elsewhere (the README's come from SCREENSHOTS_DIR=docs/screenshots).
const SHOTS = path.resolve(DASHBOARD_DIR, '..', process.env.SCREENSHOTS_DIR ?? '.tap/screenshots');

if (!hasChromium()) {
  t.fail('Chromium is missing: apt-get install -y chromium');
} else {
  const dist = buildDashboard();
  const api = await startTestApi(t, { DASHBOARD_DIST: dist, CONTROLLER_URL: 'http://127.0.0.1:1' });
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
    await logIn(page, DEMO_OWNER);
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
    // The 300 ms target is measured by `npm run bench` (50 orders, p50/p99), not
    // asserted here: a shared CI machine running two test files at once must not
    // turn a timing into a flaky failure. This bound only proves "live, no reload".
    t.ok(latency < LIVE_BOUND_MS, `on the board live, without a reload (${latency.toFixed(0)} ms)`);
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

  await t.test('a formula is created with a step whose choice carries a supplement', async (t) => {
    await go('setMenus');
    await page.getByTestId('formula-card').first().waitFor();
    await page.getByTestId('new-formula').click();
    await page.getByLabel('Nom', { exact: true }).fill('Formule Soir');
    await page.getByLabel('Prix (€)').fill('19,90');
    await page.locator('#step-name-0').fill('Pizza');
    await page.getByTestId('choice-item-0-0').selectOption({ label: 'Margherita' });
    await page.getByTestId('add-choice-0').click();
    await page.getByTestId('choice-item-0-1').selectOption({ label: 'Regina' });
    await page.getByTestId('choice-supplement-0-1').fill('2,50');
    await shot(page, 'formula-form');
    await page.getByTestId('save-formula').click();
    const card = page.getByTestId('formula-card').filter({ hasText: 'Formule Soir' });
    await card.waitFor();
    t.match(await card.textContent(), /Pizza.*Margherita, Regina \(\+2,50\s€\)/s);
    const stored = await prisma.formula.findFirstOrThrow({
      where: { restaurantId: rid, name: 'Formule Soir' }, include: { steps: { include: { choices: { include: { item: true } } } } },
    });
    t.equal(stored.priceCents, 1990);
    t.same(stored.steps[0]?.choices.map((c) => [c.item.name, c.supplementCents]).sort(), [['Margherita', 0], ['Regina', 250]]);
    await shot(page, 'formulas');
  });

  await t.test("a service the API refuses shows the message next to the field, then saves once fixed", async (t) => {
    await go('services');
    await page.getByTestId('service-card').first().waitFor();
    await page.getByTestId('new-service').click();
    await page.getByLabel('Nom', { exact: true }).fill('Brunch');
    await page.locator('#service-startTime').fill('14:00');
    await page.locator('#service-endTime').fill('11:00');
    await page.getByTestId('save-service').click();
    await page.getByTestId('error-endTime').waitFor();
    t.match(await page.getByTestId('error-endTime').textContent(), /endTime must be after startTime/);
    t.ok(await page.locator('#service-endTime.is-invalid').count(), 'the end time input is marked invalid');
    t.equal(await page.locator('#service-name.is-invalid').count(), 0, 'a valid field is left alone');
    await shot(page, 'services-error');
    await page.locator('#service-startTime').fill('10:30');
    await page.locator('#service-lastSeatingTime').fill('13:00');
    await page.locator('#service-endTime').fill('14:30');
    await page.getByTestId('save-service').click();
    await page.getByTestId('service-card').filter({ hasText: 'Brunch' }).waitFor();
    t.equal(await prisma.diningService.count({ where: { restaurantId: rid, name: 'Brunch' } }), 1);
    await shot(page, 'services');
  });

  await t.test('the other catalog pages and the settings show the demo data, not a placeholder', async (t) => {
    for (const [section, ready] of [['offers', 'offer-row'], ['rooms', 'room-card'], ['deliveryZones', 'zone-row'], ['settings', 'hours-day-1']] as const) {
      await go(section);
      await page.getByTestId(ready).first().waitFor();
      t.notMatch(await page.locator('main').textContent(), /Bientôt disponible/, section);
      await shot(page, section);
    }
    // A polygon that is not even JSON is refused before it is sent, next to the field.
    await go('deliveryZones');
    await page.getByTestId('new-zone').click();
    await page.getByLabel('Nom', { exact: true }).fill('Vieux-Port');
    await page.getByText('Polygone', { exact: true }).click();
    await page.getByLabel('Polygone GeoJSON').fill('{"type": "Polygon"');
    await page.getByTestId('save-zone').click();
    t.match(await page.getByTestId('error-polygon').textContent(), /JSON valide/);
    await go('testCall');
    // No controller runs beside this API (CONTROLLER_URL points nowhere): the page says what to start and set.
    const notice = page.getByTestId('test-call-unavailable');
    await notice.waitFor();
    t.match(await notice.textContent(), /contrôleur vocal ne répond pas.*CONTROLLER_URL/s, 'says what to set');
    await shot(page, 'test-call');
  });

  await t.test("the dashboard's charts render and its figures are the API's stats; calls show live", async (t) => {
    await go('overview');
    await page.locator('[data-testid=chart-days] canvas').waitFor();
    await page.locator('[data-testid=chart-hours] canvas').waitFor();
    const owner = client(api.url);
    await owner.post('/api/auth/login', DEMO_OWNER);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    const weekAgo = new Date(Date.parse(`${today}T12:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
    type Stats = { totals: Record<string, number>; series: { orders: number; revenueCents: number; callsAnswered: number }[] };
    const day = (await owner.get<Stats>(`/api/restaurants/${rid}/stats?from=${today}&to=${today}&granularity=hour`)).body;
    const week = (await owner.get<Stats>(`/api/restaurants/${rid}/stats?from=${weekAgo}&to=${today}&granularity=day`)).body;
    for (const [id, key] of [['callsAnswered', 'callsAnswered'], ['missedCallsSaved', 'missedCallsSaved'], ['orders', 'orders'],
      ['revenue', 'revenueCents'], ['averageBasket', 'averageBasketCents'], ['commissionSaved', 'commissionSavedCents']] as const) {
      t.equal(Number(await page.getByTestId(`stat-${id}`).getAttribute('data-value')), day.totals[key], id);
    }
    t.ok(day.totals.orders && day.totals.orders > 0, 'today has orders to show');
    const values = (id: string) => page.getByTestId(id).getAttribute('data-values').then((v) => JSON.parse(v ?? '[]') as number[][]);
    t.same(await values('chart-days'), [week.series.map((b) => b.orders), week.series.map((b) => b.revenueCents / 100)], 'orders and revenue per day');
    t.same(await values('chart-hours'), [day.series.map((b) => b.callsAnswered)], 'calls per hour');
    t.ok(await page.locator('[data-testid=chart-days] canvas').evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0), 'the canvas is drawn');

    const s = await agent.session();
    const live = page.locator(`[data-testid=live-call][data-call-id="${s.callId}"]`);
    await live.waitFor();
    t.equal(await live.getAttribute('data-outcome'), 'in_progress');
    await agent.turn(s.callId, 'caller', 'Vous livrez à la Joliette ?');
    await live.getByText('Vous livrez à la Joliette ?', { exact: false }).waitFor();
    t.pass('a new call and what the caller says appear in the live feed');
    await shot(page, 'overview');
  });

  t.test('no script error on any page', async (t) => {
    t.same(pageErrors, []);
  });
}
