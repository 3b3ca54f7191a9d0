// The API has no batch endpoint for sync badges: one request per reservation,
// so they are fetched only for rows that have been on screen, and at most
// MAX_CONCURRENT at a time across the page.
const MAX_CONCURRENT = 20;
let active = 0;
const waiting: (() => void)[] = [];

/** Runs `load` when a slot is free; skips it (resolving null) if it is no longer wanted by then. */
export async function queued<T>(load: () => Promise<T>, wanted: () => boolean): Promise<T | null> {
  if (active < MAX_CONCURRENT) active++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return wanted() ? await load() : null;
  } finally {
    // Hand the slot straight to the next waiter so the limit holds.
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}
