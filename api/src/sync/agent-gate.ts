// While the agent is still on the line, a booking that a platform refuses
// (slot taken there in the meantime) must become "that time is gone, here are
// others", not a confirmation. The agent's booking waits briefly for the push.
import type { PrismaClient, SyncPlatform } from '../generated/prisma/client.ts';
import { CONFLICT_PREFIX } from './conflict.ts';

// Long enough for a healthy platform, short enough for a caller to wait through a filler phrase.
export const AGENT_PUSH_WAIT_MS = 4000;
// Rows nobody picked up in this time mean no sync worker is running (Redis away): stop waiting.
const UNCLAIMED_GIVE_UP_MS = 1500;
const POLL_MS = 50;

export type PushVerdict = { ok: true } | { ok: false; platform: SyncPlatform; message: string };

export async function awaitPlatformPush(prisma: PrismaClient, restaurantId: string, reservationId: string, waitMs = AGENT_PUSH_WAIT_MS): Promise<PushVerdict> {
  const started = Date.now();
  for (;;) {
    const rows = await prisma.syncOutbox.findMany({
      where: { restaurantId, entityId: reservationId, event: 'reservation.created' },
      select: { platform: true, status: true, lastError: true },
    });
    const conflict = rows.find((r) => r.status === 'failed' && r.lastError?.startsWith(CONFLICT_PREFIX));
    if (conflict) return { ok: false, platform: conflict.platform, message: conflict.lastError ?? '' };
    if (rows.every((r) => r.status === 'done' || r.status === 'failed')) return { ok: true };
    const elapsed = Date.now() - started;
    if (elapsed > waitMs || (elapsed > UNCLAIMED_GIVE_UP_MS && rows.every((r) => r.status === 'pending'))) return { ok: true };
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export const platformName = (p: SyncPlatform) => (p === 'zenchef' ? 'Zenchef' : 'TheFork');
