// The browser test call: the dashboard's ticket and status routes, and the
// messages of the WebSocket that carries the restaurateur's microphone to the
// controller and the agent's voice back. Binary messages carry G.711 µ-law at
// 8 kHz both ways (160 bytes = 20 ms); text messages are the JSON below.
import { z } from 'zod';
import { Id, IsoDateTime } from './common.ts';

/** Where the dashboard opens the socket: the API forwards it to the controller, so the page needs one origin only. */
export const TEST_CALL_WS_PATH = '/api/test-call/ws';

export const TestCallStatus = z.object({
  ready: z.boolean(),
  /** Why a test call cannot start now; the page says what to set for each. */
  reason: z.enum(['controller_unreachable', 'openai_key_missing']).nullable(),
  wsPath: z.string(),
});
export type TestCallStatus = z.infer<typeof TestCallStatus>;

/** What a controller's GET /health answers; the API reads it to tell the page whether a test call can start. */
export const ControllerHealth = z.object({
  status: z.literal('ok'),
  controllerId: z.string(),
  startedAt: IsoDateTime,
  ari: z.object({ configured: z.boolean(), connected: z.boolean() }),
  openaiConfigured: z.boolean(),
  activeCalls: z.number().int(),
  testCalls: z.number().int(),
  draining: z.boolean(),
});
export type ControllerHealth = z.infer<typeof ControllerHealth>;

export const TestCallTicket = z.object({
  /** A restaurant-scoped controller token, valid for one test call's length; the controller calls the API with it. */
  ticket: z.string(),
  expiresAt: IsoDateTime,
  wsPath: z.string(),
});
export type TestCallTicket = z.infer<typeof TestCallTicket>;

export const BrowserClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), restaurantId: Id, ticket: z.string().min(1).max(200) }),
  z.object({ type: z.literal('dtmf'), digit: z.string().regex(/^[0-9*#]$/) }),
  z.object({ type: z.literal('hangup') }),
]);
export type BrowserClientMessage = z.infer<typeof BrowserClientMessage>;

export const BrowserServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), callId: Id, codec: z.enum(['pcmu', 'pcma']), greeting: z.string() }),
  z.object({ type: z.literal('state'), state: z.enum(['starting', 'active', 'transferring', 'with_staff', 'closed']) }),
  z.object({ type: z.literal('transcript'), role: z.enum(['caller', 'agent']), text: z.string() }),
  z.object({ type: z.literal('tool'), name: z.string(), ok: z.boolean() }),
  /** The caller spoke over the agent: drop the audio already scheduled. */
  z.object({ type: z.literal('clear') }),
  /** The agent would hand the call to the staff now; a test call has no phone to ring. */
  z.object({ type: z.literal('transfer'), target: z.string().nullable() }),
  z.object({ type: z.literal('ended'), reason: z.string(), endedBy: z.string() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type BrowserServerMessage = z.infer<typeof BrowserServerMessage>;
