import { chromium } from 'playwright-core';
for (const env of [undefined, { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' }]) {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--lang=fr-FR'], headless: true, ...(env ? { env } : {}) });
  const p = await (await b.newContext({ locale: 'fr-FR' })).newPage();
  await p.setContent('<input type="time" value="14:30" style="width:200px">');
  await p.screenshot({ path: `/tmp/probe-${env ? 'env' : 'plain'}.png`, clip: { x: 0, y: 0, width: 220, height: 40 } });
  await b.close();
}
