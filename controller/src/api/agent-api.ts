// The controller's only way to the data: the API's agent endpoints, with the
// contract's zod schemas checked on every answer. Tool calls are retried with
// the same toolCallId, which the API runs once: a retry never orders twice.
import type { z } from 'zod';
import {
  AgentSession, ToolCallResponse, type AgentSessionRequest,
} from '../../../api/src/contract/agent.ts';
import { ControllerHeartbeatAck, type ControllerHeartbeatRequest } from '../../../api/src/contract/operations/voice-servers.ts';

// A tool answer slower than this is treated as lost and retried (same id).
export const API_REQUEST_TIMEOUT_MS = 6_000;
// Retries ride out an API restart (a few seconds) without keeping the caller waiting for ever.
export const API_RETRY_DELAYS_MS = [200, 500, 1_000, 2_000, 3_000] as const;

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly retryable: boolean) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface AgentApi {
  startSession(req: AgentSessionRequest): Promise<AgentSession>;
  runTool(callId: string, name: string, toolCallId: string, args: string): Promise<ToolCallResponse>;
  answered(callId: string, at: Date): Promise<void>;
  turn(callId: string, role: 'caller' | 'agent' | 'staff' | 'system', text: string, at: Date): Promise<void>;
  end(callId: string, body: {
    endedBy: 'caller' | 'agent' | 'staff' | 'system'; endReason: string; transferResult?: 'answered' | 'no_answer' | 'busy' | 'failed';
    transferTarget?: string; recordingPath?: string; usage: { inputTokens: number; outputTokens: number; cachedTokens: number }; at: Date;
  }): Promise<void>;
  /** One beat, not retried: the next beat is the retry. */
  heartbeat(body: ControllerHeartbeatRequest): Promise<ControllerHeartbeatAck>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function agentApi(baseUrl: string, token: string | undefined): AgentApi {
  async function once(method: string, path: string, body: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(new URL(path, baseUrl), {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(API_REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      throw new ApiError(0, `API unreachable: ${(err as Error).message}`, true);
    }
    const text = await res.text();
    if (!res.ok) {
      const message = (() => { try { return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text; } catch { return text; } })();
      throw new ApiError(res.status, `${method} ${path} → ${res.status}: ${message}`, res.status >= 500 || res.status === 429);
    }
    return text ? JSON.parse(text) : undefined;
  }

  async function call<T>(method: string, path: string, body: unknown, schema?: z.ZodType<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const data = await once(method, path, body);
        return schema ? schema.parse(data) : (data as T);
      } catch (err) {
        const delay = API_RETRY_DELAYS_MS[attempt];
        if (!(err instanceof ApiError) || !err.retryable || delay === undefined) throw err;
        await sleep(delay);
      }
    }
  }

  return {
    startSession: (req) => call('POST', '/api/agent/sessions', req, AgentSession),
    runTool: (callId, name, toolCallId, args) =>
      call('POST', `/api/agent/calls/${encodeURIComponent(callId)}/tools/${encodeURIComponent(name)}`, { toolCallId, arguments: args }, ToolCallResponse),
    answered: async (callId, at) => { await call('POST', `/api/agent/calls/${encodeURIComponent(callId)}/answered`, { at: at.toISOString() }); },
    turn: async (callId, role, text, at) => { await call('POST', `/api/agent/calls/${encodeURIComponent(callId)}/turns`, { role, text, at: at.toISOString() }); },
    end: async (callId, b) => { await call('POST', `/api/agent/calls/${encodeURIComponent(callId)}/end`, { ...b, at: b.at.toISOString() }); },
    heartbeat: async (body) => ControllerHeartbeatAck.parse(await once('POST', '/api/agent/controllers/heartbeat', body)),
  };
}
