// Orders and calls arriving as the controller sends them: through the agent endpoints with a service token.
import type { PrismaClient } from '../../../api/src/generated/prisma/client.ts';
import { client } from '../../../api/test/helpers/test-api.ts';
import { createServiceToken } from '../../../api/test/helpers/tokens.ts';
import type { AgentSession, ToolCallResponse } from '../../../api/src/contract/index.ts';

const DID = '+33491000000';

export async function agentClient(apiUrl: string, prisma: PrismaClient) {
  const controller = client(apiUrl, { bearer: await createServiceToken(prisma, null) });
  let n = 0;

  async function session(): Promise<AgentSession> {
    const r = await controller.post<AgentSession>('/api/agent/sessions', { did: DID, callerNumber: '+33612345678', channelId: `chan-${++n}` });
    if (r.status !== 201) throw new Error(`session: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  const codeOf = (s: AgentSession, re: RegExp) => {
    const code = re.exec(s.instructions)?.[1];
    if (!code) throw new Error(`no code for ${re} in the instructions`);
    return code;
  };

  /** A new call that confirms one pickup order of a Margherita; resolves with the tool's output. */
  async function confirmOrder(s: AgentSession, customerName = 'Léa Martin') {
    const line = { code: codeOf(s, /\[(i[0-9a-z]+)\] Margherita /), quantity: 2, options: [codeOf(s, /\[(o[0-9a-z]+)\] Grande/)] };
    const r = await controller.post<ToolCallResponse>(`/api/agent/calls/${s.callId}/tools/confirm_order`, {
      toolCallId: `c-${s.callId}`, arguments: JSON.stringify({ type: 'pickup', lines: [line], customer_name: customerName }),
    });
    const out = JSON.parse(r.body.output) as { ok: boolean; message?: string; data?: { orderNumber?: number } };
    if (!out.ok) throw new Error(`confirm_order refused: ${out.message}`);
    return out;
  }

  const turn = (callId: string, role: 'agent' | 'caller', text: string) => controller.post(`/api/agent/calls/${callId}/turns`, { role, text });

  return { session, confirmOrder, turn };
}
