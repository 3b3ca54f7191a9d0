// Fans committed LiveEvent rows out to the dashboards connected to this API
// process. (First version: interface only; the SSE fan-out comes with the
// live-events work.)
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';

export interface LiveSubscriber {
  restaurantId: string;
  send(event: { id: bigint; type: string; payload: unknown; createdAt: Date }): void;
}

export interface LiveHub {
  start(): Promise<void>;
  stop(): Promise<void>;
  subscribe(sub: LiveSubscriber, afterId: bigint | null): Promise<() => void>;
}

export function createLiveHub(_db: Database, _log: Logger): LiveHub {
  return {
    async start() {},
    async stop() {},
    async subscribe() {
      return () => {};
    },
  };
}
