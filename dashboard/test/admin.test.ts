// The platform admin's pages in a real Chromium against the real API on the
// real PostgreSQL: creating a restaurant, importing its menu through the
// wizard, and the voice servers a controller's heartbeat shows up on.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { client, startTestApi } from '../../api/test/helpers/test-api.ts';
import { createServiceToken } from '../../api/test/helpers/tokens.ts';
import { DEMO_ADMIN, DEMO_SLUG } from '../../api/src/seed/demo-seed.ts';
import { startFakeOpenAi } from '../../api/test/admin/fake-openai.ts';
import { hasChromium, launchBrowser, logIn, newFrenchContext, openPage } from './helpers/browser.ts';
import { buildDashboard, DASHBOARD_DIR } from './helpers/build.ts';

// Screenshots are artefacts, kept with the other dashboard ones.
const SHOTS = path.resolve(DASHBOARD_DIR, '..', process.env.SCREENSHOTS_DIR ?? '.tap/screenshots');

const BAD_CSV = [
  'category;name;price;allergens',
  'Antipasti;Burrata des Pouilles;12,50;milk',
  'Antipasti;Vitello tonnato;quatorze euros;fish|eggs',
  'Pizze;Diavola;13;gluten|milk|chili',
].join('\n');
const GOOD_CSV = [
  'category;name;price;description;allergens;dietary_tags',
  'Antipasti;Burrata des Pouilles;12,50;Tomates cerises, roquette;milk;vegetarian',
  'Antipasti;Vitello tonnato;14;Veau, sauce au thon;fish|eggs;',
  'Pizze;Diavola;13;Salami piquant;gluten|milk;spicy',
  'Pizze;Quattro formaggi;"14,50";;gluten|milk;vegetarian',
].join('\n');

if (!hasChromium()) {
  t.fail('Chromium is missing: apt-get install -y chromium');
} else {
  const dist = buildDashboard();
  const api = await startTestApi(t, { DASHBOARD_DIST: dist });
  const prisma = api.db.prisma;
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const { page, pageErrors } = await openPage(browser, api.url);
  mkdirSync(SHOTS, { recursive: true });
  const shot = async (p: Page, name: string) => {
    for (const [label, width] of [['laptop', 1366], ['tablet', 1024]] as const) {
      await p.setViewportSize({ width, height: 768 });
      await p.screenshot({ path: path.join(SHOTS, `admin-${name}-${label}.png`) });
    }
    await p.setViewportSize({ width: 1366, height: 768 });
  };
  let newId = '';

  await t.test('the platform admin logs in and opens the administration', async (t) => {
    await logIn(page, DEMO_ADMIN);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('admin-link').click();
    await page.getByTestId('admin-restaurants').waitFor();
    t.ok(await page.getByTestId('admin-tab-restaurants').getAttribute('aria-current'), 'the restaurants tab is the current one');
  });

  await t.test('a restaurant is created: a field error first, then the owner gets a one-time password', async (t) => {
    await page.getByTestId('new-restaurant').click();
    await page.getByLabel('Nom du restaurant').fill('Trattoria Lucia');
    t.equal(await page.getByLabel('Identifiant (slug)').inputValue(), 'trattoria-lucia', 'the slug is suggested from the name');
    await page.getByLabel('Adresse', { exact: true }).fill('8 quai du Port');
    await page.getByLabel('Code postal').fill('13002');
    await page.getByLabel('Ville').fill('Marseille');
    await page.getByLabel('Téléphone public').fill('04 91 55 66 77');
    await page.getByLabel('E-mail du propriétaire').fill('lucia-chez-nous');
    await page.getByTestId('create-restaurant').click();
    await page.getByTestId('error-owner.email').waitFor();
    t.ok(await page.locator('#new-ownerEmail.is-invalid').count(), 'the email input is marked invalid');
    await shot(page, 'create-error');

    await page.getByLabel('E-mail du propriétaire').fill('lucia@example.fr');
    await page.getByLabel('Nom du propriétaire').fill('Lucia Rossi');
    await page.getByTestId('create-restaurant').click();
    await page.getByTestId('restaurant-created').waitFor();
    const password = await page.getByTestId('one-time-password').textContent();
    t.ok(password && password.length >= 12, 'the one-time password is shown');
    await page.locator('[data-slug="trattoria-lucia"]').waitFor();
    const row = await prisma.restaurant.findUniqueOrThrow({ where: { slug: 'trattoria-lucia' } });
    newId = row.id;
    t.equal(row.phone, '+33491556677');
    const owner = client(api.url);
    t.equal((await owner.post('/api/auth/login', { email: 'lucia@example.fr', password })).status, 200, 'the owner can log in');
    await shot(page, 'restaurants');
  });

  await t.test('the import wizard: a CSV with mistakes shows them by line, the fixed one is previewed then imported', async (t) => {
    await page.getByRole('link', { name: 'Importer son menu' }).click();
    await page.getByTestId('import-source').waitFor();
    t.equal(await page.getByLabel('Restaurant').inputValue(), newId, 'the new restaurant is chosen');
    t.ok(await page.locator('#import-kind-photo').isDisabled(), 'no OpenAI key: the photo option is off');
    t.match(await page.getByTestId('photo-unavailable').textContent(), /OPENAI_API_KEY/);
    await shot(page, 'import-source');

    await page.getByLabel('Fichier du menu').setInputFiles({ name: 'carte.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await page.getByTestId('check-import').click();
    await page.getByTestId('import-problems').waitFor();
    t.same(await page.locator('[data-testid=import-problems] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line'))), ['3', '4']);
    t.match(await page.locator('[data-line="3"]').textContent(), /quatorze euros/);
    t.ok(await page.getByTestId('apply-import').isDisabled(), 'a file with problems cannot be imported');
    await shot(page, 'import-problems');

    await page.getByRole('button', { name: 'Retour' }).click();
    await page.getByLabel('Fichier du menu').setInputFiles({ name: 'carte.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
    await page.getByTestId('check-import').click();
    await page.getByTestId('import-changes').waitFor();
    t.equal(await page.locator('[data-testid=import-changes] tr[data-action=create]').count(), 6, '2 categories and 4 dishes to create');
    t.match(await page.getByTestId('count-items').textContent(), /4 à créer/);
    t.equal(await prisma.menuItem.count({ where: { restaurantId: newId } }), 0, 'the preview wrote nothing');
    await shot(page, 'import-preview');

    await page.getByTestId('apply-import').click();
    await page.getByTestId('import-result').waitFor();
    t.match(await page.getByTestId('count-items').textContent(), /4 créés/);
    await shot(page, 'import-result');
  });

  await t.test("the imported dishes are on that restaurant's Menu page", async (t) => {
    await page.getByTestId('open-menu').click();
    await page.getByTestId('menu-category').first().waitFor();
    t.match(page.url(), new RegExp(`#/r/${newId}/menu$`));
    const items = await page.getByTestId('menu-item').allTextContents();
    for (const name of ['Burrata des Pouilles', 'Vitello tonnato', 'Diavola', 'Quattro formaggi']) {
      t.ok(items.some((x) => x.includes(name)), `${name} is on the menu`);
    }
    t.ok(items.some((x) => /Quattro formaggi.*14,50/.test(x)), 'with its price');
  });

  await t.test('a heartbeat posted by a controller shows on the voice servers page', async (t) => {
    const controller = client(api.url, { bearer: await createServiceToken(prisma, null, 'controller') });
    const beat = await controller.post('/api/agent/controllers/heartbeat', {
      controllerId: 'voice-marseille-1:3121', hostname: 'voice-marseille-1', version: '0.1.0',
      startedAt: new Date(Date.now() - 3 * 3600_000).toISOString(), ariConnected: true,
      asterisk: { version: '22.1.0', uptimeSeconds: 4 * 86_400 + 5 * 3600 }, activeCalls: 3, maxCalls: 200, intervalMs: 15_000,
    });
    t.equal(beat.status, 200);
    await page.goto('/#/admin/voice-servers');
    await page.getByTestId('voice-servers').waitFor();
    const row = page.locator('[data-controller-id="voice-marseille-1:3121"]');
    t.equal(await row.getAttribute('data-status'), 'up');
    t.match(await row.textContent(), /22\.1\.0/);
    t.equal(await row.getByTestId('server-calls').textContent(), '3 / 200');
    t.equal(await page.getByTestId('voice-active-calls').textContent(), '3');
    await shot(page, 'voice-servers');
  });

  await t.test('with an OpenAI key, a menu photo is read, corrected, checked and imported', async (t) => {
    const key = 'sk-test-dashboard';
    const fake = await startFakeOpenAi({ apiKey: key });
    t.teardown(fake.close);
    fake.answerWith({ kind: 'menu', content: { categories: [{ name: 'Pâtes fraîches', items: [
      { name: 'Linguine alle vongole', priceCents: 1690, description: 'Palourdes, ail, persil', allergens: ['molluscs', 'gluten'], dietaryTags: [] },
      { name: 'Penne arrabbiata', priceCents: null, description: null, allergens: ['gluten'], dietaryTags: ['spicy'] },
    ] }] } });
    const photoApi = await startTestApi(t, { DASHBOARD_DIST: dist, OPENAI_API_KEY: key, OPENAI_BASE_URL: fake.baseUrl });
    const demoId = (await photoApi.db.prisma.restaurant.findUniqueOrThrow({ where: { slug: DEMO_SLUG } })).id;
    const p = await (await newFrenchContext(browser, photoApi.url)).newPage();
    p.on('pageerror', (e) => pageErrors.push(e.message));
    await p.goto('/');
    await p.getByLabel('Adresse e-mail').fill(DEMO_ADMIN.email);
    await p.getByLabel('Mot de passe').fill(DEMO_ADMIN.password);
    await p.getByRole('button', { name: 'Se connecter' }).click();
    await p.getByTestId('restaurant-name').waitFor();
    await p.goto(`/#/admin/import?restaurant=${demoId}`);
    await p.getByTestId('import-source').waitFor();
    await p.getByLabel('Photo de la carte', { exact: true }).check();
    // The first bytes of a JPEG: the fake reads nothing, the API passes the image on as it came.
    await p.getByLabel('Photo de la carte (JPEG, PNG, WebP)').setInputFiles({ name: 'carte.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xd9]) });
    await p.getByTestId('photo-summary').waitFor();
    t.match(await p.getByTestId('photo-summary').textContent(), /2 plats lus par gpt-4.1-mini, dans 1 catégorie\..*1 plat n'a pas de prix lisible/);
    t.match(fake.requests.at(-1)?.body.messages, [{}, { content: [{}, { image_url: { url: /^data:image\/jpeg;base64,/ } }] }]);
    await shot(p, 'import-photo');

    await p.getByTestId('check-import').click();
    await p.getByTestId('import-problems').waitFor();
    t.match(await p.getByTestId('import-problems').textContent(), /Pâtes fraîches › Penne arrabbiata.*priceCents/);
    await p.getByRole('button', { name: 'Retour' }).click();
    const json = p.getByLabel('Menu lu sur la photo (modifiable)');
    await json.fill((await json.inputValue()).replace('"priceCents": null', '"priceCents": 1150'));
    await p.getByTestId('check-import').click();
    await p.getByTestId('import-changes').waitFor();
    await p.getByTestId('apply-import').click();
    await p.getByTestId('import-result').waitFor();
    const penne = await photoApi.db.prisma.menuItem.findFirst({ where: { restaurantId: demoId, name: 'Penne arrabbiata' } });
    t.equal(penne?.priceCents, 1150, 'imported with the price the admin filled in');
    t.same(penne?.dietaryTags, ['spicy']);
  });

  t.test('no script error on any page', async (t) => {
    t.same(pageErrors, []);
  });
}
