// Debian's Chromium driven by playwright-core, with the flags the project's CI uses.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

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

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export function newFrenchContext(browser: Browser, baseURL: string, viewport = { width: 1366, height: 768 }): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport });
}
