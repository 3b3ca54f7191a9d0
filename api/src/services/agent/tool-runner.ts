// Runs one tool call, once per (call, tool-call id): a retry after a timeout
// or an API restart gets the first answer back instead of a second order.
import { AppError } from '../../errors.ts';
import { assertRestaurantAccess, restaurantScope, type Principal } from '../auth-service.ts';
import type { AgentRepository } from '../../repositories/agent/agent-repository.ts';
import type { Logger } from '../../logger.ts';
import type { KnowledgeCache } from './knowledge-cache.ts';
import { handlers, refusal, type ToolDeps, type ToolOutcome } from './tool-handlers.ts';
import { TOOL_NAMES, type ToolName } from './tools.ts';
import type { ToolCallRequest, ToolCallResponse } from '../../contract/agent.ts';
import { transferTarget } from './transfer-target.ts';

// A second request for a tool call still running waits this long for its answer.
export const TOOL_WAIT_MS = 8_000;
// A claimed tool call with no answer after this long was abandoned (the API
// restarted mid-call): the retry takes it over. Longer than any tool runs.
export const TOOL_STALE_MS = 15_000;
const TOOL_POLL_MS = 50;
// These may safely run twice with the same ids: their writes are keyed by the
// tool-call id. They are recorded once they have run, with no claim written
// first: one commit fewer on every quote and confirmation. The others claim
// their id before running, so that a retry waits for the first run's answer.
const SAFE_TO_REPEAT = new Set<ToolName>(['check_availability', 'check_delivery_address', 'quote_order', 'confirm_order', 'confirm_reservation', 'transfer_to_human', 'end_call']);

/** How the tool call's row is written: completed after a claim, or recorded after the run. */
type Run = { kind: 'claimed' } | { kind: 'record'; args: unknown };

const isTool = (n: string): n is ToolName => (TOOL_NAMES as string[]).includes(n);

export function toolRunner(deps: ToolDeps & { repo: AgentRepository; knowledge: KnowledgeCache; log: Logger }) {
  function respond(toolCallId: string, outcome: ToolOutcome, replayed: boolean, transfer: ToolCallResponse['transfer']): ToolCallResponse {
    const output = JSON.stringify({ ok: outcome.ok, ...(outcome.message ? { message: outcome.message } : {}), ...(outcome.data === undefined ? {} : { data: outcome.data }) });
    return {
      toolCallId, ok: outcome.ok, output, replayed,
      ...(outcome.action ? { action: outcome.action } : {}),
      ...(outcome.action === 'transfer' ? { transfer } : {}),
    };
  }

  async function waitForResult(callId: string, toolCallId: string) {
    const deadline = Date.now() + TOOL_WAIT_MS;
    for (;;) {
      const row = await deps.repo.findTool(callId, toolCallId);
      if (!row || row.result !== null) return row;
      if (Date.now() - row.createdAt.getTime() > TOOL_STALE_MS) return null;
      if (Date.now() > deadline) throw new AppError('service_unavailable', 'This tool call is still running; retry with the same toolCallId');
      await new Promise((r) => setTimeout(r, TOOL_POLL_MS));
    }
  }

  return {
    async run(callId: string, name: string, req: ToolCallRequest, principal: Principal | undefined, now: Date): Promise<ToolCallResponse> {
      if (!isTool(name)) throw new AppError('not_found', `Unknown tool ${name}`);
      if (!principal) throw new AppError('unauthenticated', 'Login required');
      let rawArgs: unknown = req.arguments;
      if (typeof rawArgs === 'string') {
        try { rawArgs = rawArgs.trim() ? JSON.parse(rawArgs) : {}; } catch { rawArgs = undefined; }
      }
      const safe = SAFE_TO_REPEAT.has(name);
      const scope = restaurantScope(principal);
      const { call, claimed, earlier } = safe
        ? await deps.repo.findToolCall(scope, callId, req.toolCallId).then((f) => ({ call: f.call, claimed: false, earlier: f.result }))
        : await deps.repo.claimTool(scope, callId, req.toolCallId, name, rawArgs ?? {}).then((c) => ({ ...c, earlier: null }));
      if (!call) throw new AppError('not_found', 'Unknown call');
      assertRestaurantAccess(principal, call.restaurantId);
      const k = await deps.knowledge.get(call.restaurantId, now);
      const transfer = transferTarget(k.restaurant);
      if (earlier !== null) return respond(req.toolCallId, earlier as ToolOutcome, true, transfer);
      const run: Run = safe ? { kind: 'record', args: rawArgs ?? {} } : { kind: 'claimed' };
      if (!safe && !claimed) {
        // Claimed earlier by another request: wait for its answer, or take over a claim abandoned by a crash.
        const row = await waitForResult(callId, req.toolCallId);
        if (row && row.result !== null) return respond(req.toolCallId, row.result as unknown as ToolOutcome, true, transfer);
      }
      if (call.endedAt) {
        return finish(run, call.restaurantId, callId, req.toolCallId, name, { ok: false, message: 'Appel terminé.' }, now, false, transfer);
      }

      const parsed = rawArgs === undefined ? null : k.schemas[name].safeParse(rawArgs);
      let outcome: ToolOutcome;
      if (!parsed?.success) {
        const issues = parsed ? parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'} : ${i.message}`).join(' ; ') : 'JSON invalide';
        outcome = { ok: false, message: `Arguments invalides (${issues}). Corrige et rappelle l'outil.` };
      } else {
        try {
          // Each handler's argument type matches its schema; TypeScript cannot see the pairing through the name.
          const handler = handlers[name] as (a: unknown, ctx: Parameters<(typeof handlers)['end_call']>[1]) => Promise<ToolOutcome>;
          outcome = await handler(parsed.data, { call, k, toolCallId: req.toolCallId, now, deps });
        } catch (e) {
          const refused = refusal(e);
          if (!refused) {
            // Ours, not the caller's: release the claim so the controller's retry runs it again.
            if (run.kind === 'claimed') await deps.repo.releaseTool(callId, req.toolCallId);
            deps.log.error({ err: e, callId, tool: name }, 'tool failed');
            throw e;
          }
          outcome = refused;
        }
      }
      return finish(run, call.restaurantId, callId, req.toolCallId, name, outcome, now, !safe && !claimed, transfer);
    },
  };

  async function finish(run: Run, restaurantId: string, callId: string, toolCallId: string, name: string, outcome: ToolOutcome, now: Date, replayed: boolean, transfer: ToolCallResponse['transfer']) {
    const latencyMs = Date.now() - now.getTime();
    if (run.kind === 'claimed') await deps.repo.completeTool(restaurantId, callId, toolCallId, { name, result: outcome, ok: outcome.ok, latencyMs });
    else await deps.repo.recordTool(restaurantId, callId, toolCallId, { name, args: run.args, result: outcome, ok: outcome.ok, latencyMs });
    return respond(toolCallId, outcome, replayed, transfer);
  }
}
export type ToolRunner = ReturnType<typeof toolRunner>;
