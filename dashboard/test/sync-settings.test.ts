// Settings → Synchronisation and the reservations' sync badges, in a real Chromium
// against the real API. Nothing here calls a platform: connecting only stores the credentials.
import t from 'tap';
import { client, startTestApi } from '../../api/test/helpers/test-api.ts';
import { openDayAhead } from '../../api/test/helpers/demo.ts';
import { DEMO_OWNER } from '../../api/src/seed/demo-seed.ts';
import { hasChromium, launchBrowser, newFrenchContext } from './helpers/browser.ts';
import { buildDashboard } from './helpers/build.ts';

const TOKEN = 'zc-fake-token-0123456789';
const SECRET = 'whsec-fake-0123456789abcdef';

if (!hasChromium()) {
  t.fail('Chromium is missing: apt-get install -y chromium');
} else {
  const dist = buildDashboard();
  // No REDIS_URL: the sync runtime stays off, so a retried push waits as "pending" (and the dead URL keeps Zenchef out of it anyway).
  const api = await startTestApi(t, { DASHBOARD_DIST: dist, ZENCHEF_BASE_URL: 'http://127.0.0.1:9' });
  const prisma = api.db.prisma;
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const page = await (await newFrenchContext(browser, api.url)).newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // Logged in through the form first: a first navigation after the API calls below was aborted by Chromium here.
  await page.goto('/');
  await page.getByLabel('Adresse e-mail').fill(DEMO_OWNER.email);
  await page.getByLabel('Mot de passe').fill(DEMO_OWNER.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('restaurant-name').waitFor();

  const owner = client(api.url);
  const rid = (await owner.post<{ restaurants: { id: string }[] }>('/api/auth/login', DEMO_OWNER)).body.restaurants[0]?.id ?? '';
  const date = openDayAhead(new Date());
  const slots = (await owner.get<{ services: { slots: { localTime: string; available: boolean }[] }[] }>(
    `/api/restaurants/${rid}/availability/reservations?date=${date}&partySize=2`)).body;
  const time = slots.services.flatMap((s) => s.slots).find((s) => s.available)?.localTime ?? '';
  const made = await owner.post<{ id: string }>(`/api/restaurants/${rid}/reservations`, {
    at: { date, time }, partySize: 2, customer: { name: 'Famille Sync', phone: '0611223344' }, idempotencyKey: 'sync-settings-test-1',
  });
  t.equal(made.status, 201, 'a reservation to sync');

  await t.test('Zenchef is connected with fake credentials and listed with its webhook URL; no secret is shown back', async (t) => {
    await page.goto(`/#/r/${rid}/settings`);
    await page.getByTestId('settings-tab-sync').click();
    await page.getByTestId('connect-platform').click();
    await page.getByLabel("Jeton d'API (auth-token)").fill(TOKEN);
    await page.getByLabel(/Secret de signature/).fill('court');
    await page.getByTestId('save-platform').click();
    await page.getByTestId('error-externalRestaurantId').waitFor();
    t.ok(await page.getByTestId('error-webhookSecret').isVisible(), "the API's message sits under the webhook secret");
    t.ok(await page.locator('#sync-external-id.is-invalid').count(), 'the restaurant id input is marked invalid');

    await page.getByLabel('Identifiant restaurant Zenchef').fill('zc-4242');
    await page.getByLabel(/Secret de signature/).fill(SECRET);
    await page.getByTestId('save-platform').click();
    const row = page.locator('[data-testid=sync-platform][data-platform=zenchef]');
    await row.getByTestId('webhook-url').waitFor();
    t.equal(await row.getByTestId('webhook-url').textContent(), `${api.url}/api/webhooks/zenchef/${rid}`);
    t.match(await row.textContent(), /zc-4242/);
    t.match(await row.getByTestId('webhook-secret-state').textContent(), /enregistré/);
    const html = await page.content();
    t.notOk(html.includes(TOKEN) || html.includes(SECRET), 'neither the token nor the secret is on the page');
    const stored = await prisma.syncPlatformConfig.findFirstOrThrow({ where: { restaurantId: rid, platform: 'zenchef' } });
    t.equal(stored.externalRestaurantId, 'zc-4242');
  });

  await t.test('a failed push shows in the failures with a retry button, and on the reservation; retrying sends it again', async (t) => {
    const reservationId = made.body.id;
    const failed = await prisma.syncOutbox.create({
      data: {
        restaurantId: rid, platform: 'zenchef', event: 'reservation.created', entityType: 'reservation', entityId: reservationId,
        payload: {}, status: 'failed', attempts: 10, lastError: 'HTTP 503 Service Unavailable',
      },
    });

    await page.goto(`/#/r/${rid}/reservations`);
    const badge = page.getByTestId('reservation-row').filter({ hasText: 'Famille Sync' }).locator('[data-platform=zenchef]');
    await badge.waitFor();
    t.equal(await badge.getAttribute('data-state'), 'failed', 'the reservation carries a failed Zenchef badge');

    await page.goto(`/#/r/${rid}/settings/sync`);
    const row = page.locator(`[data-testid=outbox-failed] [data-outbox-id="${failed.id}"]`);
    await row.waitFor();
    t.match(await row.textContent(), /HTTP 503/);
    await row.getByTestId('retry-outbox').click();
    await row.waitFor({ state: 'detached' });
    await page.getByText('Aucun échec.').waitFor();
    const recent = page.locator(`[data-testid=outbox-recent] [data-outbox-id="${failed.id}"]`);
    t.equal(await recent.getAttribute('data-status'), 'pending', 'listed again as to be sent');
    const after = await prisma.syncOutbox.findUniqueOrThrow({ where: { id: failed.id } });
    t.equal(after.status, 'pending');
    t.equal(after.attempts, 0);
  });

  t.test('no script error', async (t) => {
    t.same(pageErrors, []);
  });
}
