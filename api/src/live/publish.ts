// Live events for the dashboard. An event is a LiveEvent row written in the
// same transaction as the change it reports, plus a NOTIFY that PostgreSQL
// delivers only on commit: a rolled-back change never shows up live, and a
// committed one is never lost (a reconnecting browser replays from its
// Last-Event-ID out of the table).
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
  const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
    WITH locked AS (SELECT pg_advisory_xact_lock(hashtext(${`${LIVE_CHANNEL}:${restaurantId}`}))),
    inserted AS (
      INSERT INTO "LiveEvent" ("restaurantId", type, payload)
      SELECT ${restaurantId}, ${type}, ${JSON.stringify(payload)}::jsonb FROM locked
      RETURNING id
    )
    SELECT i.id FROM inserted i CROSS JOIN LATERAL (SELECT pg_notify(${LIVE_CHANNEL}, ${restaurantId} || ':' || i.id::text)) AS n`;
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('live event insert returned no id');
  return id;
}
