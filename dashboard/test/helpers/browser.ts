// Debian's Chromium driven by playwright-core, with the flags the project's CI uses.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // Date inputs follow the browser's UI language, not the page locale.
  '--lang=fr-FR',
  // New-order beeps must play without a prior click in a headless run.
  '--autoplay-policy=no-user-gesture-required',
];

export const hasChromium = () => existsSync(CHROMIUM);

/** Chromium's own fake microphone (a beep) instead of a device, granted without a prompt: for the test call. */
export const FAKE_MICROPHONE = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extraArgs], headless: true });
}

export function newFrenchContext(browser: Browser, baseURL: string, viewport = { width: 1366, height: 768 }): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport });
}

/** A French laptop-sized page, with the script errors it raises collected for a final check. */
export async function openPage(browser: Browser, baseURL: string): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await (await newFrenchContext(browser, baseURL)).newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { page, pageErrors };
}

/** Logs in through the form, as a person does, and waits for the restaurant's page. */
export async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel('Mot de passe').fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('restaurant-name').waitFor();
}
