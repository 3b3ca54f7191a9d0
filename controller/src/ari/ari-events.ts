// The ARI events the controller acts on, one schema per model of Asterisk's
// events.json, parsed at the edge. Anything else is `other` and ignored.
import { z } from 'zod';

export const AriChannel = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  caller: z.object({ name: z.string().default(''), number: z.string().default('') }).default({ name: '', number: '' }),
  dialplan: z.object({ context: z.string(), exten: z.string(), priority: z.number().optional(), app_name: z.string().optional(), app_data: z.string().optional() }).optional(),
  channelvars: z.record(z.string(), z.string().nullable()).optional(),
});
export type AriChannel = z.infer<typeof AriChannel>;

const base = { application: z.string().optional(), timestamp: z.string().optional() };

export const AriEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('StasisStart'), ...base, channel: AriChannel, args: z.array(z.string()).default([]), replace_channel: AriChannel.optional() }),
  z.object({ type: z.literal('StasisEnd'), ...base, channel: AriChannel }),
  z.object({ type: z.literal('ChannelStateChange'), ...base, channel: AriChannel }),
  z.object({ type: z.literal('ChannelDtmfReceived'), ...base, channel: AriChannel, digit: z.string(), duration_ms: z.number().optional() }),
  z.object({ type: z.literal('ChannelHangupRequest'), ...base, channel: AriChannel, cause: z.number().optional(), soft: z.boolean().optional() }),
  z.object({ type: z.literal('ChannelDestroyed'), ...base, channel: AriChannel, cause: z.number(), cause_txt: z.string() }),
]);
export type AriEvent = z.infer<typeof AriEvent> | { type: 'other'; name: string };

export function parseAriEvent(raw: unknown): AriEvent {
  const r = AriEvent.safeParse(raw);
  if (r.success) return r.data;
  const name = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : 'unknown';
  return { type: 'other', name };
}

/** Q.850 causes Asterisk reports when an originated transfer target does not pick up. */
export const CAUSE_BUSY = 17;
export const CAUSE_NO_ANSWER = 19;
