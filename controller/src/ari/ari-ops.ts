// The ARI operations a call needs, as one narrow interface over ari-client,
// so the call logic reads as telephony and a test can see every request.
import type { Client } from 'ari-client';
import { AriChannel } from './ari-events.ts';

export interface ExternalMediaChannel {
  id: string;
  /** Where Asterisk receives our RTP (UNICASTRTP_LOCAL_ADDRESS/PORT). */
  rtpAddress: string | null;
  rtpPort: number | null;
}

export interface AriOps {
  answer(channelId: string): Promise<void>;
  hangup(channelId: string, reason?: 'normal' | 'busy' | 'congestion'): Promise<void>;
  ring(channelId: string, on: boolean): Promise<void>;
  createBridge(bridgeId: string): Promise<void>;
  addToBridge(bridgeId: string, channelIds: string[]): Promise<void>;
  removeFromBridge(bridgeId: string, channelId: string): Promise<void>;
  destroyBridge(bridgeId: string): Promise<void>;
  externalMedia(opts: { channelId: string; app: string; externalHost: string; format: 'ulaw' | 'alaw' }): Promise<ExternalMediaChannel>;
  channelVar(channelId: string, name: string): Promise<string | null>;
  originate(opts: { channelId: string; endpoint: string; app: string; appArgs: string; callerId?: string | undefined; timeoutS: number; formats: string }): Promise<void>;
  record(bridgeId: string, name: string): Promise<void>;
}

/** ari-client rejects with HTTP errors; a 404 on cleanup means "already gone", which is fine. */
const ignoreGone = (err: unknown): void => {
  const msg = String((err as Error)?.message ?? err);
  if (!/404|not found|Channel not found|Bridge not found/i.test(msg)) throw err;
};

export function ariOps(client: Client): AriOps {
  return {
    async answer(channelId) { await client.channels.answer({ channelId }); },
    async hangup(channelId, reason = 'normal') { await client.channels.hangup({ channelId, reason }).catch(ignoreGone); },
    async ring(channelId, on) {
      await (on ? client.channels.ring({ channelId }) : client.channels.ringStop({ channelId })).catch(ignoreGone);
    },
    async createBridge(bridgeId) { await client.bridges.create({ type: 'mixing', bridgeId, name: bridgeId }); },
    async addToBridge(bridgeId, channelIds) { await client.bridges.addChannel({ bridgeId, channel: channelIds }); },
    async removeFromBridge(bridgeId, channelId) { await client.bridges.removeChannel({ bridgeId, channel: channelId }).catch(ignoreGone); },
    async destroyBridge(bridgeId) { await client.bridges.destroy({ bridgeId }).catch(ignoreGone); },
    async externalMedia(o) {
      const ch = await client.channels.externalMedia({
        app: o.app, channelId: o.channelId, external_host: o.externalHost, format: o.format,
        encapsulation: 'rtp', transport: 'udp', connection_type: 'client', direction: 'both',
      } as Parameters<Client['channels']['externalMedia']>[0]);
      const parsed = AriChannel.parse(ch);
      const vars = parsed.channelvars ?? {};
      const port = vars.UNICASTRTP_LOCAL_PORT ? Number(vars.UNICASTRTP_LOCAL_PORT) : null;
      return { id: parsed.id, rtpAddress: vars.UNICASTRTP_LOCAL_ADDRESS ?? null, rtpPort: Number.isFinite(port) ? port : null };
    },
    async channelVar(channelId, variable) {
      try {
        const v = await client.channels.getChannelVar({ channelId, variable });
        return v.value ?? null;
      } catch {
        return null;
      }
    },
    async originate(o) {
      await client.channels.originate({
        endpoint: o.endpoint, app: o.app, appArgs: o.appArgs, channelId: o.channelId, timeout: o.timeoutS, formats: o.formats,
        ...(o.callerId ? { callerId: o.callerId } : {}),
      });
    },
    async record(bridgeId, name) {
      await client.bridges.record({ bridgeId, name, format: 'wav', ifExists: 'overwrite', beep: false, terminateOn: 'none' });
    },
  };
}
