// Who is the source of truth, per entity type. Unset means neither: the most
// recent update wins.
import type { Prisma } from '../generated/prisma/client.ts';

export type Master = 'local' | 'platform';
export type Mastering = Partial<Record<'reservation' | 'service' | 'room' | 'table' | 'offer' | 'customer', Master>>;

export function parseMastering(json: Prisma.JsonValue): Mastering {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
  const out: Mastering = {};
  for (const [k, v] of Object.entries(json)) {
    if ((v === 'local' || v === 'platform') && ['reservation', 'service', 'room', 'table', 'offer', 'customer'].includes(k)) out[k as keyof Mastering] = v;
  }
  return out;
}

export type Resolution = 'platform_master' | 'local_master' | 'platform_newer' | 'local_newer';

/** The master wins; otherwise the later update. */
export function resolve(master: Master | undefined, platformUpdatedAt: Date | null, localUpdatedAt: Date): Resolution {
  if (master === 'platform') return 'platform_master';
  if (master === 'local') return 'local_master';
  return platformUpdatedAt && platformUpdatedAt > localUpdatedAt ? 'platform_newer' : 'local_newer';
}
