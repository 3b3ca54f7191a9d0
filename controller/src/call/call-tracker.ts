// Live calls by id and by channel: the one place that knows what is running,
// so SIGTERM can drain and a stray ARI event can find (or not) its call.
import type { CallSession } from './call-session.ts';

export class CallTracker {
  private readonly byChannel = new Map<string, CallSession>();

  add(channelId: string, session: CallSession): void {
    this.byChannel.set(channelId, session);
  }

  remove(channelId: string): void {
    this.byChannel.delete(channelId);
  }

  byChannelId(channelId: string): CallSession | undefined {
    return this.byChannel.get(channelId);
  }

  /** A session that owns this channel as its caller, media or transfer leg. */
  owning(channelId: string): CallSession | undefined {
    const direct = this.byChannel.get(channelId);
    if (direct) return direct;
    for (const s of this.byChannel.values()) if (s.owns(channelId)) return s;
    return undefined;
  }

  get size(): number {
    return this.byChannel.size;
  }

  all(): CallSession[] {
    return [...this.byChannel.values()];
  }
}
