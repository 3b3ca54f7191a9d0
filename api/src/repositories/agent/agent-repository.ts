// Everything the phone agent reads and writes about a call.
import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { Sql } from '../../db/sql.ts';

/** What a tool call needs of its call. */
export interface ToolCall {
  id: string;
  restaurantId: string;
  callerNumber: string | null;
  customerId: string | null;
  endedAt: Date | null;
}

// The call, and the tool call id claimed for it, in one round trip. The claim
// is an insert that a retry with the same id finds already done; it is made
// only if the call exists and is in the caller's scope ($6, null for all), so
// a foreign call is never written to and answers like an unknown one.
const CLAIM_TOOL = `WITH c AS (
    SELECT id, "restaurantId", "callerNumber", "customerId", "endedAt" FROM "Call"
    WHERE id = $1 AND ($6::text[] IS NULL OR "restaurantId" = ANY ($6::text[]))
  ), claim AS (
    INSERT INTO "ToolInvocation" (id, "callId", "toolCallId", name, arguments)
    SELECT $5, c.id, $2, $3, $4::jsonb FROM c
    ON CONFLICT ("callId", "toolCallId") DO NOTHING
    RETURNING 1
  )
  SELECT c.*, EXISTS (SELECT 1 FROM claim) AS claimed FROM c`;

// For a tool that may safely run twice: the call and any answer already given,
// read only. Nothing is written before the tool has run (see RECORD_TOOL).
const FIND_TOOL_CALL = `SELECT c.id, c."restaurantId", c."callerNumber", c."customerId", c."endedAt",
    (SELECT t.result FROM "ToolInvocation" t WHERE t."callId" = c.id AND t."toolCallId" = $2 AND t.result IS NOT NULL) AS result
  FROM "Call" c WHERE c.id = $1 AND ($3::text[] IS NULL OR c."restaurantId" = ANY ($3::text[]))`;

// Its record and live event once it has run. A concurrent duplicate finds the
// row there and writes nothing; a row left unanswered by a crash is completed.
const RECORD_TOOL = `WITH done AS (
    INSERT INTO "ToolInvocation" (id, "callId", "toolCallId", name, arguments, result, ok, "latencyMs")
    VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)
    ON CONFLICT ("callId", "toolCallId") DO UPDATE SET result = EXCLUDED.result, ok = EXCLUDED.ok, "latencyMs" = EXCLUDED."latencyMs"
      WHERE "ToolInvocation".result IS NULL
    RETURNING 1
  ), event AS (
    INSERT INTO "LiveEvent" ("restaurantId", type, payload) SELECT $9, 'call.tool', $10::jsonb FROM done
  )
  SELECT count(*)::int AS n FROM done`;

// The tool call's answer and its live event, in one statement: atomic, and one
// round trip instead of four.
const COMPLETE_TOOL = `WITH done AS (
    UPDATE "ToolInvocation" SET result = $3::jsonb, ok = $4, "latencyMs" = $5
    WHERE "callId" = $1 AND "toolCallId" = $2 RETURNING 1
  ), event AS (
    INSERT INTO "LiveEvent" ("restaurantId", type, payload) SELECT $6, 'call.tool', $7::jsonb FROM done
  )
  SELECT count(*)::int AS n FROM done`;

export const knowledgeInclude = {
  openingHours: { orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }] },
  closures: true,
  menuCategories: {
    where: { active: true }, orderBy: { sortOrder: 'asc' },
    include: {
      items: {
        where: { archived: false }, orderBy: { sortOrder: 'asc' },
        include: { optionGroups: { orderBy: { sortOrder: 'asc' }, select: { groupId: true } } },
      },
    },
  },
  optionGroups: { orderBy: { sortOrder: 'asc' }, include: { options: { orderBy: { sortOrder: 'asc' } } } },
  formulas: {
    where: { available: true }, orderBy: { sortOrder: 'asc' },
    include: { steps: { orderBy: { sortOrder: 'asc' }, include: { choices: true } } },
  },
  diningServices: { where: { active: true }, orderBy: { sortOrder: 'asc' } },
  offers: { where: { active: true } },
  deliveryZones: { where: { active: true }, orderBy: { priority: 'asc' } },
  faqs: { where: { status: 'answered' }, orderBy: { timesAsked: 'desc' }, take: 40 },
} as const satisfies Prisma.RestaurantInclude;

export type RestaurantKnowledge = Prisma.RestaurantGetPayload<{ include: typeof knowledgeInclude }>;

export function agentRepository(prisma: PrismaClient, sql: Sql) {
  return {
    lineByDid: (did: string) => prisma.phoneLine.findUnique({ where: { did }, select: { id: true, restaurantId: true, enabled: true, codec: true } }),
    knowledge: (restaurantId: string) => prisma.restaurant.findUnique({ where: { id: restaurantId }, include: knowledgeInclude }),

    /** The call (null when unknown), and whether this tool call id was claimed now (false: a retry). */
    async claimTool(
      scope: string[] | null, callId: string, toolCallId: string, name: string, args: unknown,
    ): Promise<{ call: ToolCall | null; claimed: boolean }> {
      const rows = await sql.query<ToolCall & { claimed: boolean }>({
        name: 'tool-claim', text: CLAIM_TOOL, values: [callId, toolCallId, name, JSON.stringify(args), randomUUID(), scope],
      });
      const row = rows[0];
      if (!row) return { call: null, claimed: false };
      const { claimed, ...call } = row;
      return { call, claimed };
    },
    /** The call (null when unknown or out of scope) and the answer already recorded for this tool call id, if any. */
    async findToolCall(scope: string[] | null, callId: string, toolCallId: string): Promise<{ call: ToolCall | null; result: unknown }> {
      const rows = await sql.query<ToolCall & { result: unknown }>({ name: 'tool-find', text: FIND_TOOL_CALL, values: [callId, toolCallId, scope] });
      const row = rows[0];
      if (!row) return { call: null, result: null };
      const { result, ...call } = row;
      return { call, result };
    },

    /** Records a tool call that ran without a claim; false when another run had already recorded its answer. */
    async recordTool(restaurantId: string, callId: string, toolCallId: string, data: { name: string; args: unknown; result: unknown; ok: boolean; latencyMs: number }): Promise<boolean> {
      const event = { callId, tool: data.name, ok: data.ok, latencyMs: data.latencyMs };
      const rows = await sql.query<{ n: number }>({
        name: 'tool-record', text: RECORD_TOOL,
        values: [randomUUID(), callId, toolCallId, data.name, JSON.stringify(data.args), JSON.stringify(data.result), data.ok, data.latencyMs, restaurantId, JSON.stringify(event)],
      });
      return rows[0]?.n === 1;
    },

    findTool: (callId: string, toolCallId: string) => prisma.toolInvocation.findUnique({ where: { callId_toolCallId: { callId, toolCallId } } }),
    async completeTool(restaurantId: string, callId: string, toolCallId: string, data: { name: string; result: unknown; ok: boolean; latencyMs: number }): Promise<void> {
      const event = { callId, tool: data.name, ok: data.ok, latencyMs: data.latencyMs };
      const rows = await sql.query<{ n: number }>({
        name: 'tool-complete', text: COMPLETE_TOOL,
        values: [callId, toolCallId, JSON.stringify(data.result), data.ok, data.latencyMs, restaurantId, JSON.stringify(event)],
      });
      if (rows[0]?.n !== 1) throw new Error(`tool call ${toolCallId} of call ${callId} was not claimed`);
    },
    /** A failed attempt is released so the retry with the same id runs again. */
    releaseTool: (callId: string, toolCallId: string) =>
      prisma.toolInvocation.deleteMany({ where: { callId, toolCallId, result: { equals: Prisma.DbNull } } }),
  };
}
export type AgentRepository = ReturnType<typeof agentRepository>;
