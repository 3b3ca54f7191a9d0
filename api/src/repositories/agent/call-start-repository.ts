// The two writes and one read every call start needs, batched: the caller's
// customer context, and the Call row with its live event. One statement each
// for all calls starting in the same tick.
import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { batcher } from '../../util/batcher.ts';

export interface CallerRow {
  id: string;
  firstName: string | null;
  lastName: string | null;
  notes: string | null;
  allergies: string[];
  address: { line1: string; postcode: string; city: string } | null;
  lastOrder: { createdAt: string; totalCents: number; items: Array<{ name: string; quantity: number }> } | null;
  nextReservation: { startsAt: string; partySize: number } | null;
}

export interface NewCall {
  restaurantId: string;
  phoneLineId: string | null;
  callerNumber: string | null;
  customerId: string | null;
  channelId: string | null;
  direction: string;
  language: 'fr' | 'en';
  startedAt: Date;
  test: boolean;
}

export function callStartRepository(prisma: PrismaClient) {
  const callers = batcher<{ restaurantId: string; phone: string }, CallerRow | null>(async (keys) => {
    const rows = await prisma.$queryRaw<Array<CallerRow & { restaurantId: string; phone: string }>>`
      SELECT c.id, c."restaurantId", c.phone, c."firstName", c."lastName", c.notes, c.allergies::text[] AS allergies,
        (SELECT json_build_object('line1', a.line1, 'postcode', a.postcode, 'city', a.city) FROM "CustomerAddress" a
          WHERE a."customerId" = c.id ORDER BY a."lastUsedAt" DESC NULLS LAST, a."createdAt" DESC LIMIT 1) AS address,
        (SELECT json_build_object('createdAt', o."createdAt", 'totalCents', o."totalCents",
            'items', (SELECT coalesce(json_agg(json_build_object('name', i.name, 'quantity', i.quantity) ORDER BY i."sortOrder"), '[]') FROM "OrderItem" i WHERE i."orderId" = o.id))
          FROM "Order" o WHERE o."customerId" = c.id ORDER BY o."createdAt" DESC LIMIT 1) AS "lastOrder",
        (SELECT json_build_object('startsAt', r."startsAt", 'partySize', r."partySize") FROM "Reservation" r
          WHERE r."customerId" = c.id AND r.status IN ('pending', 'confirmed') AND r."startsAt" > now() ORDER BY r."startsAt" LIMIT 1) AS "nextReservation"
      FROM "Customer" c
      JOIN unnest(${keys.map((k) => k.restaurantId)}::text[], ${keys.map((k) => k.phone)}::text[]) AS k(rid, phone)
        ON c."restaurantId" = k.rid AND c.phone = k.phone`;
    const byKey = new Map(rows.map((r) => [`${r.restaurantId}|${r.phone}`, r]));
    return keys.map((k) => byKey.get(`${k.restaurantId}|${k.phone}`) ?? null);
  });

  const starts = batcher<NewCall, string>(async (calls) => {
    const ids = calls.map(() => randomUUID());
    const col = <K extends keyof NewCall>(k: K) => calls.map((c) => c[k]);
    const input = Prisma.sql`unnest(${ids}::text[], ${col('restaurantId')}::text[], ${col('phoneLineId')}::text[], ${col('callerNumber')}::text[],
      ${col('customerId')}::text[], ${col('channelId')}::text[], ${col('direction')}::text[], ${col('language')}::text[],
      ${col('startedAt')}::timestamptz[], ${col('test')}::boolean[]) AS t(id, rid, line, caller, customer, channel, direction, language, started, test)`;
    // One transaction. Events are inserted sorted by restaurant: the commit-order trigger locks
    // each restaurant in insertion order, so two batches can never wait on each other the other way round.
    await prisma.$transaction([
      prisma.$executeRaw`
        INSERT INTO "Call" (id, "restaurantId", "phoneLineId", "callerNumber", "customerId", "channelId", direction, language, "startedAt", "updatedAt")
        SELECT id, rid, line, caller, customer, channel, direction, language::"Locale", started, now() FROM ${input}`,
      prisma.$executeRaw`UPDATE "Customer" c SET "lastCallAt" = t.started FROM ${input} WHERE c.id = t.customer`,
      prisma.$executeRaw`
        INSERT INTO "LiveEvent" ("restaurantId", type, payload)
        SELECT rid, 'call.started', jsonb_build_object('callId', id, 'callerNumber', caller, 'test', test) FROM ${input} ORDER BY rid, id`,
    ]);
    return ids;
  });

  return { caller: (restaurantId: string, phone: string) => callers.load({ restaurantId, phone }), createCall: (c: NewCall) => starts.load(c) };
}
export type CallStartRepository = ReturnType<typeof callStartRepository>;
