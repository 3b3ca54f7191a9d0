// Fans committed LiveEvent rows out to the dashboards connected to this API
// process. Every process runs one hub and reads the shared table, so an event
// published by any process reaches subscribers on all of them. A restaurant's
// events are delivered in id order, each at most once per subscriber.
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { LIVE_RESET, type LiveResetPayload } from '../contract/live.ts';
import { LIVE_CHANNEL } from './publish.ts';
import { createPgListener } from './pg-listener.ts';
import { liveEventRepository, pruneLiveEvents, type LiveEventRow } from './live-event-repository.ts';

export type LiveEvent = LiveEventRow;

export interface LiveSubscriber {
  restaurantId: string;
  send(event: LiveEvent): void;
  /** The hub is stopping: end the stream (the hub has already forgotten this subscriber). */
  close?(): void;
}

export interface LiveHub {
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Replays the restaurant's events after `afterId` (when given), then sends
   * live ones, with no gap and no duplicate between the two. Resolves once the
   * replay is sent, with the function that unsubscribes.
   */
  subscribe(sub: LiveSubscriber, afterId: bigint | null): Promise<() => void>;
}

export interface LiveHubOptions {
  /** PostgreSQL URL for the LISTEN connection; without it (or on PGlite) the hub polls. */
  pgUrl?: string;
}

// Without LISTEN (PGlite, or no URL), this is the worst delay a dashboard sees;
// one indexed query per restaurant with a dashboard open, so cheap enough.
export const POLL_INTERVAL_MS = 500;
// A browser that missed more than this is better served by reloading its data.
export const REPLAY_LIMIT = 1000;
const FETCH_BATCH = 500;
const FETCH_RETRY_MS = 1000;
// A browser away longer than this reloads anyway; older events are dead weight.
export const LIVE_RETENTION_MS = 7 * 24 * 3600_000;
const PRUNE_INTERVAL_MS = 3600_000;

interface Sub {
  sub: LiveSubscriber;
  /** Highest id sent: anything at or below is a duplicate. */
  lastSent: bigint;
  /** Live events held back while the replay is being sent. */
  buffer: LiveEvent[] | null;
}

interface Room {
  restaurantId: string;
  subs: Set<Sub>;
  /** Highest id read from the table for this restaurant. */
  cursor: bigint;
  ready: Promise<void>;
  fetching: boolean;
  again: boolean;
}

export function createLiveHub(db: Database, log: Logger, opts: LiveHubOptions = {}): LiveHub {
  const events = liveEventRepository(db.prisma);
  const rooms = new Map<string, Room>();
  const inFlight = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const listener = db.kind === 'postgres' && opts.pgUrl
    ? createPgListener({
      url: opts.pgUrl, channel: LIVE_CHANNEL, log,
      // Payload "<restaurantId>:<id>": only the restaurant matters, the fetch reads everything new.
      onNotify: (payload) => {
        const room = rooms.get(payload.slice(0, payload.lastIndexOf(':')));
        if (room) schedule(room);
      },
      onConnected: () => { for (const room of rooms.values()) schedule(room); },
    })
    : undefined;

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    p.then(() => inFlight.delete(p), () => inFlight.delete(p));
    return p;
  }

  function safeSend(s: Sub, ev: LiveEvent): void {
    try {
      s.sub.send(ev);
    } catch (err) {
      log.warn({ err, restaurantId: s.sub.restaurantId }, 'live subscriber failed to take an event');
    }
  }

  function deliver(s: Sub, ev: LiveEvent): void {
    if (s.buffer) s.buffer.push(ev);
    else if (ev.id > s.lastSent) {
      s.lastSent = ev.id;
      safeSend(s, ev);
    }
  }

  // One fetch per restaurant at a time; notifications during a fetch ask for one more after it.
  function schedule(room: Room): void {
    if (stopped || rooms.get(room.restaurantId) !== room) return;
    if (room.fetching) {
      room.again = true;
      return;
    }
    room.fetching = true;
    void track((async () => {
      try {
        await room.ready;
        do {
          room.again = false;
          const rows = await events.after(room.restaurantId, room.cursor, FETCH_BATCH);
          for (const row of rows) {
            room.cursor = row.id;
            for (const s of room.subs) deliver(s, row);
          }
          if (rows.length === FETCH_BATCH) room.again = true;
        } while (room.again && !stopped);
      } catch (err) {
        if (stopped) return;
        // The notification that asked for this fetch is spent: try again rather than wait for the next one.
        log.warn({ err, restaurantId: room.restaurantId }, 'live events fetch failed; retrying');
        const retry = setTimeout(() => {
          timers.delete(retry);
          schedule(room);
        }, FETCH_RETRY_MS).unref();
        timers.add(retry);
      } finally {
        room.fetching = false;
      }
    })());
  }

  function roomFor(restaurantId: string): Room {
    const existing = rooms.get(restaurantId);
    if (existing) return existing;
    const room: Room = { restaurantId, subs: new Set(), cursor: 0n, ready: Promise.resolve(), fetching: false, again: false };
    // Live starts at what is committed now; older rows are only for replays.
    room.ready = track(events.latestId(restaurantId).then((id) => { room.cursor = id; }));
    rooms.set(restaurantId, room);
    return room;
  }

  function sendReset(s: Sub, id: bigint, reason: LiveResetPayload['reason']): void {
    s.lastSent = id;
    safeSend(s, { id, type: LIVE_RESET, payload: { reason } satisfies LiveResetPayload, createdAt: new Date() });
  }

  async function replay(s: Sub, afterId: bigint): Promise<void> {
    const rid = s.sub.restaurantId;
    // An id this restaurant never had (or pruned, or from a reset database): nothing can be replayed safely.
    if (afterId > 0n && !(await events.exists(rid, afterId))) {
      sendReset(s, await events.latestId(rid), 'unknown_last_event');
      return;
    }
    const rows = await events.after(rid, afterId, REPLAY_LIMIT + 1);
    if (rows.length > REPLAY_LIMIT) {
      sendReset(s, await events.latestId(rid), 'too_many_missed');
      return;
    }
    s.lastSent = afterId;
    for (const row of rows) {
      s.lastSent = row.id;
      safeSend(s, row);
    }
  }

  async function prune(): Promise<void> {
    try {
      const count = await pruneLiveEvents(db.prisma, new Date(Date.now() - LIVE_RETENTION_MS));
      if (count) log.info({ count }, 'old live events pruned');
    } catch (err) {
      if (!stopped) log.warn({ err }, 'live events pruning failed');
    }
  }

  return {
    async start() {
      if (listener) await listener.start();
      else {
        if (db.kind === 'postgres') log.info('live events: no LISTEN URL given, polling the table');
        timers.add(setInterval(() => { for (const room of rooms.values()) schedule(room); }, POLL_INTERVAL_MS).unref());
      }
      void track(prune());
      timers.add(setInterval(() => void track(prune()), PRUNE_INTERVAL_MS).unref());
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      for (const t of timers) clearTimeout(t);
      const subs = [...rooms.values()].flatMap((r) => [...r.subs]);
      rooms.clear();
      for (const s of subs) {
        try {
          s.sub.close?.();
        } catch (err) {
          log.warn({ err }, 'live subscriber failed to close');
        }
      }
      await listener?.stop();
      await Promise.allSettled([...inFlight]);
    },

    async subscribe(sub, afterId) {
      if (stopped) throw new Error('The live hub is stopped');
      const room = roomFor(sub.restaurantId);
      // Registered before the replay reads the table: whatever commits meanwhile is
      // buffered here, and the id check drops what the replay already sent.
      const s: Sub = { sub, lastSent: 0n, buffer: [] };
      room.subs.add(s);
      const unsubscribe = () => {
        room.subs.delete(s);
        if (room.subs.size === 0 && rooms.get(room.restaurantId) === room) rooms.delete(room.restaurantId);
      };
      try {
        await room.ready;
        if (afterId !== null) await replay(s, afterId);
      } catch (err) {
        unsubscribe();
        throw err;
      }
      const held = s.buffer ?? [];
      s.buffer = null;
      for (const ev of held) deliver(s, ev);
      return unsubscribe;
    },
  };
}
