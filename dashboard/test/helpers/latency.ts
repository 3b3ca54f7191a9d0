import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __voNextCard?: Promise<{ at: number; id: string }>;
  }
}

/**
 * Arms a watcher in the page for the next order card that was not on the board;
 * `cardSeen()` resolves with the wall-clock moment it was inserted into the DOM.
 */
export async function armNextCard(page: Page): Promise<() => Promise<{ at: number; id: string }>> {
  await page.evaluate(() => {
    const seen = new Set([...document.querySelectorAll<HTMLElement>('[data-testid=order-card]')].map((e) => e.dataset.orderId));
    window.__voNextCard = new Promise((resolve) => {
      const mo = new MutationObserver(() => {
        const el = [...document.querySelectorAll<HTMLElement>('[data-testid=order-card]')].find((e) => !seen.has(e.dataset.orderId));
        if (!el) return;
        mo.disconnect();
        resolve({ at: performance.timeOrigin + performance.now(), id: el.dataset.orderId ?? '' });
      });
      mo.observe(document.body, { subtree: true, childList: true });
    });
  });
  return () => page.evaluate(() => window.__voNextCard!);
}

export const nowMs = () => performance.timeOrigin + performance.now();
