// Live events for the dashboard. An event is a LiveEvent row written in the
// same transaction as the change it reports; at COMMIT a trigger numbers it
// in the restaurant's commit order (`seq`) and sends a NOTIFY, which
// PostgreSQL delivers only on commit: a rolled-back change never shows up
// live, and a committed one is never lost (a reconnecting browser replays
// from its Last-Event-ID, a `seq`, out of the table).
import type { Prisma } from '../generated/prisma/client.ts';

export const LIVE_CHANNEL = 'vo_live';

export type LiveEventType =
  | 'order.created' | 'order.updated' | 'order.status_changed'
  | 'reservation.created' | 'reservation.updated' | 'reservation.status_changed'
  | 'call.started' | 'call.updated' | 'call.turn' | 'call.tool' | 'call.ended'
  | 'faq.created' | 'faq.updated'
  | 'message.created' | 'message.updated'
  | 'sync.updated';

/** Any Prisma client or transaction client. */
export type Tx = Prisma.TransactionClient;

/**
 * Call it last in the transaction: it takes a per-restaurant lock until commit
 * so that one restaurant's events commit in id order, and a reader that has
 * seen id N can never later miss an N-1 committed after it. Lock, insert and
 * notify go in one statement: the lock is held for one round trip plus the commit.
 */
export async function publishLiveEvent(tx: Tx, restaurantId: string, type: LiveEventType, payload: Prisma.InputJsonValue): Promise<bigint> {
  // The row's commit-order `seq` and its NOTIFY come from the deferred trigger at COMMIT
  // (migration live_event_commit_order): no lock is taken here.
  const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
    INSERT INTO "LiveEvent" ("restaurantId", type, payload) VALUES (${restaurantId}, ${type}, ${JSON.stringify(payload)}::jsonb)
    RETURNING id`;
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('live event insert returned no id');
  return id;
}
