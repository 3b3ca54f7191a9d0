// Settings → Synchronisation and the reservations' sync badges, in a real Chromium
// against the real API. The mapping screen reads the fake Zenchef's catalog;
// nothing is pushed (no Redis, so no sync runtime).
import t from 'tap';
import { client, startTestApi } from '../../api/test/helpers/test-api.ts';
import { openDayAhead } from '../../api/test/helpers/demo.ts';
import { DEMO_OWNER } from '../../api/src/seed/demo-seed.ts';
import { hasChromium, launchBrowser, logIn, openPage } from './helpers/browser.ts';
import { buildDashboard } from './helpers/build.ts';
import { startFakeZenchef } from '../../api/test/fakes/zenchef-server.ts';

const TOKEN = 'zc-fake-token-0123456789';
const SECRET = 'whsec-fake-0123456789abcdef';
const ZC_RESTAURANT = 'zc-4242';

if (!hasChromium()) {
  t.fail('Chromium is missing: apt-get install -y chromium');
} else {
  const dist = buildDashboard();
  const zenchef = startFakeZenchef({ token: TOKEN, restaurantId: ZC_RESTAURANT, webhookSecret: SECRET });
  const zenchefUrl = await zenchef.listen();
  t.teardown(() => zenchef.close());
  // No REDIS_URL: the sync runtime stays off, so a retried push waits as "pending"; only the catalog is read from Zenchef.
  const api = await startTestApi(t, { DASHBOARD_DIST: dist, ZENCHEF_BASE_URL: zenchefUrl });
  const prisma = api.db.prisma;
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const { page, pageErrors } = await openPage(browser, api.url);

  // Logged in through the form first: a first navigation after the API calls below was aborted by Chromium here.
  await logIn(page, DEMO_OWNER);

  const owner = client(api.url);
  const rid = (await owner.post<{ restaurants: { id: string }[] }>('/api/auth/login', DEMO_OWNER)).body.restaurants[0]?.id ?? '';
  const date = openDayAhead(new Date());
  const slots = (await owner.get<{ services: { slots: { localTime: string; available: boolean }[] }[] }>(
    `/api/restaurants/${rid}/availability/reservations?date=${date}&partySize=2`)).body;
  const times = slots.services.flatMap((s) => s.slots).filter((s) => s.available).map((s) => s.localTime);
  const made = await owner.post<{ id: string }>(`/api/restaurants/${rid}/reservations`, {
    at: { date, time: times[0] }, partySize: 2, customer: { name: 'Famille Sync', phone: '0611223344' }, idempotencyKey: 'sync-settings-test-1',
  });
  // Neighbours on the page, so one badge request must serve several rows.
  for (const [i, time] of times.slice(1, 3).entries()) {
    await owner.post(`/api/restaurants/${rid}/reservations`, {
      at: { date, time }, partySize: 2, customer: { name: `Voisin ${i}`, phone: '0611223345' }, idempotencyKey: `sync-settings-test-${i + 2}`,
    });
  }
  // No await between the root's first assertion and its first subtest: tap ends an idle root test.
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

    await page.getByLabel('Identifiant restaurant Zenchef').fill(ZC_RESTAURANT);
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
    t.equal(stored.externalRestaurantId, ZC_RESTAURANT);
  });

  await t.test("mapping: Zenchef's own shifts, rooms and offers are chosen next to ours, and saved at once", async (t) => {
    const service = await prisma.diningService.findFirstOrThrow({ where: { restaurantId: rid }, orderBy: { startTime: 'desc' } });
    const room = await prisma.diningRoom.findFirstOrThrow({ where: { restaurantId: rid } });
    const mapping = (entityType: 'service' | 'room', localId: string) =>
      prisma.syncExternalMapping.findFirst({ where: { restaurantId: rid, platform: 'zenchef', entityType, localId } });

    zenchef.inject(/\/shifts$/, { kind: 'status', status: 503 });
    await page.goto(`/#/r/${rid}/settings/sync`);
    await page.reload(); // the settings page may already be showing, its catalog read before the fault
    const failure = page.getByTestId('catalog-error');
    await failure.waitFor();
    t.match(await failure.textContent(), /Zenchef ne répond pas/, "the API's French reason is shown");
    await failure.getByRole('button', { name: 'Réessayer' }).click();

    const serviceSelect = page.locator(`[data-testid=catalog-row][data-kind=service][data-local-id="${service.id}"] select`);
    await serviceSelect.waitFor();
    const options = await serviceSelect.locator('option').allTextContents();
    t.same(options, ['— non associé —', 'Déjeuner', 'Dîner'], "Zenchef's shifts, by name: no id to type");
    await serviceSelect.selectOption({ label: 'Dîner' });
    t.equal((await waitForValue(() => mapping('service', service.id)))?.externalId, '2', 'saved as soon as it is chosen');

    const roomSelect = page.locator(`[data-testid=catalog-row][data-kind=room][data-local-id="${room.id}"] select`);
    await roomSelect.selectOption({ label: 'Terrasse' });
    t.equal((await waitForValue(() => mapping('room', room.id)))?.externalId, '12');
    await serviceSelect.selectOption({ label: 'Déjeuner' });
    await waitForValue(async () => (await mapping('service', service.id))?.externalId === '1');
    t.equal(await prisma.syncExternalMapping.count({ where: { restaurantId: rid, entityType: 'service', localId: service.id } }), 1, 'choosing again replaces the mapping');
    await page.reload();
    await serviceSelect.waitFor();
    t.equal(await serviceSelect.inputValue(), '1', 'shown as saved after a reload');
    t.match(await page.locator('[data-testid=catalog-row][data-kind=offer] select').first().locator('option').allTextContents(), ['— non associé —', 'Menu du marché']);
  });

  await t.test('a failed push shows in the failures with a retry button, and on the reservation; retrying sends it again', async (t) => {
    const reservationId = made.body.id;
    const failed = await prisma.syncOutbox.create({
      data: {
        restaurantId: rid, platform: 'zenchef', event: 'reservation.created', entityType: 'reservation', entityId: reservationId,
        payload: {}, status: 'failed', attempts: 10, lastError: 'HTTP 503 Service Unavailable',
      },
    });

    const badgeRequests: string[] = [];
    const onRequest = (r: { url(): string }) => { if (r.url().includes('/sync/reservations')) badgeRequests.push(r.url()); };
    page.on('request', onRequest);
    await page.goto(`/#/r/${rid}/reservations`);
    const badge = page.getByTestId('reservation-row').filter({ hasText: 'Famille Sync' }).locator('[data-platform=zenchef]');
    await badge.waitFor();
    page.off('request', onRequest);
    t.equal(await badge.getAttribute('data-state'), 'failed', 'the reservation carries a failed Zenchef badge');
    const rows = await page.getByTestId('reservation-row').count();
    t.ok(rows >= 3, `${rows} reservations listed`);
    t.equal(badgeRequests.length, 1, 'one request for the badges of the whole page');
    t.equal(new URL(badgeRequests[0]!).searchParams.get('ids')?.split(',').length, rows, 'asking for every row at once');
    t.equal(await page.locator('[data-testid=sync-badge][data-loaded=true]').count(), rows, 'every row has its badge');

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

/** Polls the database until the value is there (the dashboard saves asynchronously). */
async function waitForValue<T>(read: () => Promise<T | null | undefined | false>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out waiting for the saved value');
    await new Promise((r) => setTimeout(r, 50));
  }
}
