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
