// A call's start: the Call row, its live event, and the caller's customer
// context when the number is known. One statement at a time per restaurant,
// for all of its calls that started meanwhile.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../../db/sql.ts';
import { batcher, type Batcher } from '../../util/batcher.ts';

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
  channelId: string | null;
  direction: string;
  language: 'fr' | 'en';
  startedAt: Date;
  test: boolean;
}

export interface StartedCall {
  callId: string;
  /** The restaurant's customer with this caller's number, if any: now linked to the call. */
  caller: CallerRow | null;
}

// Everything a call start writes and reads, for all the calls starting in the
// same tick, in ONE statement: a round trip to PostgreSQL is what costs under
// load, not the work. A single statement is atomic on its own, so no
// BEGIN/COMMIT round trips either. Timestamps inside json are made UTC-explicit.
const CALL_START = `WITH t AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
      $5::text[], $6::text[], $7::text[],
      $8::timestamptz[], $9::boolean[]) AS t(id, rid, line, caller, channel, direction, language, started, test)
  ),
  known AS (
    SELECT t.id AS "callId", t.started, c.* FROM t JOIN "Customer" c ON c."restaurantId" = t.rid AND c.phone = t.caller
  ),
  call AS (
    INSERT INTO "Call" (id, "restaurantId", "phoneLineId", "callerNumber", "customerId", "channelId", direction, language, "startedAt", "updatedAt")
    SELECT t.id, t.rid, t.line, t.caller, known.id, t.channel, t.direction, t.language::"Locale", t.started, now()
    FROM t LEFT JOIN known ON known."callId" = t.id
  ),
  -- A customer row another transaction holds (their order being confirmed, an edit) is
  -- skipped rather than waited for: lastCallAt is a hint, and with one call-start
  -- statement in flight per restaurant, a wait here would hold up all its calls.
  lockable AS (
    SELECT c.id FROM "Customer" c JOIN known ON known.id = c.id FOR NO KEY UPDATE OF c SKIP LOCKED
  ),
  seen AS (
    UPDATE "Customer" c SET "lastCallAt" = known.started FROM known JOIN lockable ON lockable.id = known.id WHERE c.id = known.id
  ),
  -- Sorted by restaurant: the commit-order trigger locks each restaurant in insertion
  -- order, so two batches can never wait on each other the other way round.
  event AS (
    INSERT INTO "LiveEvent" ("restaurantId", type, payload)
    SELECT rid, 'call.started', jsonb_build_object('callId', id, 'callerNumber', caller, 'test', test) FROM t ORDER BY rid, id
  )
  SELECT k."callId", k.id, k."firstName", k."lastName", k.notes, k.allergies::text[] AS allergies,
    (SELECT json_build_object('line1', a.line1, 'postcode', a.postcode, 'city', a.city) FROM "CustomerAddress" a
      WHERE a."customerId" = k.id ORDER BY a."lastUsedAt" DESC NULLS LAST, a."createdAt" DESC LIMIT 1) AS address,
    (SELECT json_build_object('createdAt', o."createdAt" AT TIME ZONE 'UTC', 'totalCents', o."totalCents",
        'items', (SELECT coalesce(json_agg(json_build_object('name', i.name, 'quantity', i.quantity) ORDER BY i."sortOrder"), '[]') FROM "OrderItem" i WHERE i."orderId" = o.id))
      FROM "Order" o WHERE o."customerId" = k.id ORDER BY o."createdAt" DESC LIMIT 1) AS "lastOrder",
    (SELECT json_build_object('startsAt', r."startsAt" AT TIME ZONE 'UTC', 'partySize', r."partySize") FROM "Reservation" r
      WHERE r."customerId" = k.id AND r.status IN ('pending', 'confirmed') AND r."startsAt" > now() ORDER BY r."startsAt" LIMIT 1) AS "nextReservation"
  FROM known k`;

export function callStartRepository(sql: Sql) {
  const startAll = async (calls: NewCall[]): Promise<StartedCall[]> => {
    const ids = calls.map(() => randomUUID());
    const col = <K extends keyof NewCall>(k: K) => calls.map((c) => c[k]);
    const rows = await sql.query<CallerRow & { callId: string }>({ name: 'call-start', text: CALL_START, values: [
      ids, col('restaurantId'), col('phoneLineId'), col('callerNumber'), col('channelId'), col('direction'), col('language'), col('startedAt'), col('test'),
    ] });
    const byCall = new Map(rows.map(({ callId, ...caller }) => [callId, caller]));
    return ids.map((callId) => ({ callId, caller: byCall.get(callId) ?? null }));
  };
  // One batcher per restaurant: its calls' starts commit one statement at a time (they queue on
  // the restaurant's live-event lock anyway), and a slow one never holds up another restaurant's.
  const byRestaurant = new Map<string, Batcher<NewCall, StartedCall>>();

  return {
    start(c: NewCall): Promise<StartedCall> {
      let b = byRestaurant.get(c.restaurantId);
      if (!b) byRestaurant.set(c.restaurantId, b = batcher(startAll));
      return b.load(c);
    },
  };
}
export type CallStartRepository = ReturnType<typeof callStartRepository>;
