// The optional Redis connection (queues, live-event fan-out across API
// processes). Redis is never the only copy of anything: losing it delays work,
// it does not lose it.
import { Redis } from 'ioredis';

// A health probe must answer quickly even when Redis hangs.
export const REDIS_PING_TIMEOUT_MS = 1000;
// Reconnect quickly at first, then back off to once every few seconds.
const MAX_RECONNECT_DELAY_MS = 5000;

export function connectRedis(url: string): Redis {
  return new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: null, // BullMQ requires it; commands wait for the reconnect instead of failing
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 200, MAX_RECONNECT_DELAY_MS),
  });
}

export async function pingRedis(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') throw new Error(`redis ${redis.status}`);
  await Promise.race([
    redis.ping(),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), REDIS_PING_TIMEOUT_MS).unref()),
  ]);
}
