// Everything the phone agent reads and writes about a call.
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';

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

export function agentRepository(prisma: PrismaClient) {
  return {
    lineByDid: (did: string) => prisma.phoneLine.findUnique({ where: { did }, select: { id: true, restaurantId: true, enabled: true, codec: true } }),
    knowledge: (restaurantId: string) => prisma.restaurant.findUnique({ where: { id: restaurantId }, include: knowledgeInclude }),
    findCall: (callId: string) => prisma.call.findUnique({ where: { id: callId } }),

    /** Claims a tool call id; false when it was already claimed (a retry). */
    async claimTool(callId: string, toolCallId: string, name: string, args: Prisma.InputJsonValue): Promise<boolean> {
      const r = await prisma.toolInvocation.createMany({ data: [{ callId, toolCallId, name, arguments: args }], skipDuplicates: true });
      return r.count === 1;
    },
    findTool: (callId: string, toolCallId: string) => prisma.toolInvocation.findUnique({ where: { callId_toolCallId: { callId, toolCallId } } }),
    /** The tool call's answer and its live event, in one statement (atomic, and one round trip instead of four). */
    async completeTool(restaurantId: string, callId: string, toolCallId: string, data: { name: string; result: unknown; ok: boolean; latencyMs: number }): Promise<void> {
      const event = { callId, tool: data.name, ok: data.ok, latencyMs: data.latencyMs };
      const n = await prisma.$executeRaw`
        WITH done AS (
          UPDATE "ToolInvocation" SET result = ${JSON.stringify(data.result)}::jsonb, ok = ${data.ok}, "latencyMs" = ${data.latencyMs}
          WHERE "callId" = ${callId} AND "toolCallId" = ${toolCallId} RETURNING 1
        )
        INSERT INTO "LiveEvent" ("restaurantId", type, payload) SELECT ${restaurantId}, 'call.tool', ${JSON.stringify(event)}::jsonb FROM done`;
      if (n !== 1) throw new Error(`tool call ${toolCallId} of call ${callId} was not claimed`);
    },
    /** A failed attempt is released so the retry with the same id runs again. */
    releaseTool: (callId: string, toolCallId: string) =>
      prisma.toolInvocation.deleteMany({ where: { callId, toolCallId, result: { equals: Prisma.DbNull } } }),
  };
}
export type AgentRepository = ReturnType<typeof agentRepository>;
