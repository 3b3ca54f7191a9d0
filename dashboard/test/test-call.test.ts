// The test call page in a real Chromium, with Chromium's fake microphone: the
// page's audio goes through the API to the real controller, whose model is
// the Realtime fake; the agent's voice comes back and plays.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { pino } from 'pino';
import { startTestApi } from '../../api/test/helpers/test-api.ts';
import { DEMO_OWNER } from '../../api/src/seed/demo-seed.ts';
import { FakeRealtimeServer, FAKE_REALTIME_API_KEY } from '../../controller/test/fakes/realtime/server.ts';
import { loadControllerConfig } from '../../controller/src/config.ts';
import { startCallController } from '../../controller/src/controller.ts';
import { FAKE_MICROPHONE, hasChromium, launchBrowser, logIn, openPage } from './helpers/browser.ts';
import { buildDashboard, DASHBOARD_DIR } from './helpers/build.ts';
import { freePort } from '../../api/test/helpers/free-port.ts';

const SHOTS = path.resolve(DASHBOARD_DIR, '..', process.env.SCREENSHOTS_DIR ?? '.tap/screenshots');

if (!hasChromium()) {
  t.fail('Chromium is missing: apt-get install -y chromium');
} else {
  const dist = buildDashboard();
  const controllerPort = await freePort();
  const api = await startTestApi(t, { DASHBOARD_DIST: dist, CONTROLLER_URL: `http://127.0.0.1:${controllerPort}` });
  let micMs = 0;
  const realtime = await FakeRealtimeServer.start({
    scenario: async (rt) => {
      await rt.waitForSessionUpdate();
      await rt.waitForResponseCreate();
      await rt.reply({ audioMs: 1_000, text: 'Bonjour, Pizzeria Bella, que puis-je faire pour vous ?' });
      await rt.waitForAudio(1_000);
      micMs = rt.appendedMs;
      rt.speechStarted();
      rt.speechStopped();
      rt.transcript('Vous êtes ouverts ce soir ?');
      await rt.reply({ audioMs: 400, text: 'Oui, à partir de 19 heures.' });
    },
  });
  const controller = await startCallController(loadControllerConfig({
    API_URL: api.url, CONTROLLER_HTTP_PORT: String(controllerPort), OPENAI_API_KEY: FAKE_REALTIME_API_KEY,
    OPENAI_REALTIME_URL: realtime.url, LOG_LEVEL: 'silent',
  }), pino({ level: 'silent' }));
  const browser = await launchBrowser(FAKE_MICROPHONE);
  t.teardown(async () => {
    await browser.close();
    await controller.stop(0);
    await realtime.close();
  });
  const { page, pageErrors } = await openPage(browser, api.url);

  await t.test('the restaurateur talks to the agent from the browser', async (t) => {
    await logIn(page, DEMO_OWNER);
    const rid = /#\/r\/([^/]+)\//.exec(page.url())?.[1] ?? '';
    await page.goto(`/#/r/${rid}/testCall`);
    await page.getByTestId('test-call-start').click();
    const panel = page.getByTestId('test-call-panel');
    await page.locator('[data-testid=test-call-panel][data-phase=active]').waitFor();
    const transcript = page.getByTestId('test-call-transcript');
    await transcript.getByText('Pizzeria Bella, que puis-je faire pour vous').waitFor();
    await transcript.getByText('Vous êtes ouverts ce soir ?').waitFor();
    await transcript.getByText('à partir de 19 heures').waitFor();
    t.ok(micMs >= 1_000, `the fake microphone reached the model as G.711 (${Math.round(micMs)} ms)`);
    t.ok(Number(await panel.getAttribute('data-frames-played')) >= 40, 'the agent’s voice was played (20 ms frames)');
    t.ok(Number(await panel.getAttribute('data-frames-sent')) >= 40, 'the microphone was sent (20 ms frames)');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'test-call-live-laptop.png') });
    await page.getByTestId('test-call-hangup').click();
    await page.locator('[data-testid=test-call-panel][data-phase=ended]').waitFor();
    await page.getByTestId('test-call-record').click();
    await page.getByText('Vous êtes ouverts ce soir ?').waitFor();
    const call = await api.db.prisma.call.findFirstOrThrow({ where: { restaurantId: rid, direction: 'test' } });
    t.equal(call.endedBy, 'caller', 'the hang-up is recorded as the caller’s');
    t.same(pageErrors, [], 'no script error on the page');
  });
}
