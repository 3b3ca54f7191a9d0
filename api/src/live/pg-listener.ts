// One dedicated PostgreSQL connection that LISTENs on one channel. A pool
// connection would not do: notifications arrive on the session that asked for
// them, so this one must stay open, and come back by itself when it drops.
import pg from 'pg';
import type { Logger } from '../logger.ts';

// Reconnect quickly after a blip, but do not hammer a server that is down.
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 30_000;

export interface PgListener {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createPgListener(opts: {
  url: string;
  channel: string;
  /** How the connection shows in pg_stat_activity. */
  applicationName?: string;
  log: Logger;
  onNotify(payload: string): void;
  /** After every (re)connection, once LISTEN is in place: notifications sent while disconnected are lost, so read what was missed. */
  onConnected(): void;
}): PgListener {
  const { log } = opts;
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let attempt = 0;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: opts.url, application_name: opts.applicationName ?? 'voiceorder-live', keepAlive: true });
    // An idle client reports a lost server through 'error'; unhandled, it would crash the process.
    c.on('error', (err) => {
      log.warn({ err: err.message, channel: opts.channel }, 'listener connection error');
      drop(c);
    });
    c.on('end', () => drop(c));
    c.on('notification', (msg) => {
      if (msg.channel === opts.channel) opts.onNotify(msg.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${opts.channel}`);
    } catch (err) {
      c.end().catch(() => {});
      throw err;
    }
    if (stopped) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    if (attempt > 0) log.info({ attempts: attempt, channel: opts.channel }, 'listener reconnected');
    attempt = 0;
    opts.onConnected();
  }

  function drop(c: pg.Client): void {
    if (client !== c) return;
    client = undefined;
    c.end().catch(() => {});
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (stopped || retry) return;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt++;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((err: Error) => {
        log.warn({ err: err.message, attempt, channel: opts.channel }, 'listener cannot reconnect yet');
        scheduleReconnect();
      });
    }, delay);
    retry.unref();
  }

  return {
    async start() {
      try {
        await connect();
      } catch (err) {
        // The API still serves without it; what it brings comes back with the connection.
        log.warn({ err: (err as Error).message, channel: opts.channel }, 'listener cannot connect; retrying');
        scheduleReconnect();
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
