// One call, from its first event to the call record: a phone call from
// StasisStart, or a browser test call. It owns the line's transport, the
// media, the model's socket and the timers, and `close()` releases all of
// them exactly once, whoever ends the call.
import type { Logger } from 'pino';
import type { AgentApi } from '../api/agent-api.ts';
import type { AgentSession } from '../../../api/src/contract/agent.ts';
import { AgentLink, type RealtimeConfig } from './agent-link.ts';
import type { CallMedia, CallTransport } from './transport.ts';
import { NEXT_STATES, type CallState, type EndedBy, type EndReason } from './call-state.ts';
import { CAUSE_BUSY } from '../ari/ari-events.ts';

// The caller hears the farewell to the end; if the model sends no audio at all, hang up anyway after this.
export const END_CALL_FALLBACK_MS = 5_000;
// A tool slower than this gets a short spoken filler, so the line is never silent.
export const TOOL_FILLER_AFTER_MS = 1_000;
// Two failures of the agent in one call hand the caller to a human.
export const MAX_AGENT_FAILURES = 2;
// Time for a staff phone that answers right at the ring timeout to be seen.
const TRANSFER_GRACE_MS = 2_000;

export interface CallSessionDeps {
  api: AgentApi;
  realtime: RealtimeConfig;
  /** Record the call where the line can (ARI bridge recording; the file stays on the Asterisk host). */
  recordCalls: boolean;
  idleTimeoutMs?: number | undefined;
  log: Logger;
  onClosed(session: CallSession): void;
}

export class CallSession {
  state: CallState = 'starting';
  callId: string | undefined;
  endReason: EndReason | undefined;
  endedBy: EndedBy | undefined;
  transferResult: 'answered' | 'no_answer' | 'busy' | 'failed' | undefined;
  private session: AgentSession | undefined;
  private leg: CallMedia | undefined;
  private agent: AgentLink | undefined;
  private recordingPath: string | undefined;
  private transferLegId: string | undefined;
  private pendingAction: { kind: 'transfer' | 'end_call'; at: number } | undefined;
  private failures = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pending = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;
  private endRecorded = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private idlePrompted = false;
  private readonly log: Logger;

  constructor(private readonly deps: CallSessionDeps, readonly transport: CallTransport) {
    this.log = deps.log.child({ channelId: transport.id, transport: transport.kind });
  }

  get id(): string {
    return this.transport.id;
  }

  owns(channelId: string): boolean {
    return this.transport.owns(channelId) || channelId === this.transferLegId;
  }

  /** A method, not a field test: close() may run during any await, which TypeScript's narrowing cannot see. */
  private isClosed(): boolean {
    return this.state === 'closed';
  }

  private setState(next: CallState): void {
    if (!NEXT_STATES[this.state].includes(next)) {
      this.log.warn({ from: this.state, to: next }, 'illegal call state transition ignored');
      return;
    }
    this.log.info({ from: this.state, to: next }, 'call state');
    this.state = next;
    this.transport.notify({ type: 'state', state: next });
  }

  /** Keeps a side task (a transcript turn, a tool call) so close() can wait for it and no promise floats. */
  private track(p: Promise<unknown>, what: string): void {
    const guarded = p.catch((err: unknown) => this.log.warn({ err: (err as Error).message, what }, 'background task failed'));
    this.pending.add(guarded);
    void guarded.finally(() => this.pending.delete(guarded));
  }

  private after(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setTimeout(() => { this.timers.delete(t); fn(); }, ms);
    this.timers.add(t);
    return t;
  }

  async start(): Promise<void> {
    try {
      const session = await this.deps.api.startSession(this.transport.sessionRequest());
      this.session = session;
      this.callId = session.callId;
      if (this.isClosed()) {
        // Hung up while the session was being fetched: open nothing, and close the record the API just opened.
        await this.recordEnd();
        return;
      }
      this.log.info({ callId: session.callId, restaurantId: session.restaurant.id }, 'agent session started');
      const codec = session.audioFormat === 'audio/pcma' ? 'pcma' : 'pcmu';
      this.transport.notify({ type: 'ready', callId: session.callId, codec, greeting: session.greeting });
      // The model's socket opens while the line is answered and bridged, so the greeting is ready when the caller can hear it.
      const agent = new AgentLink(this.deps.realtime, session, this.log, {
        onAudio: (itemId, delta) => this.leg?.outbound.appendBase64(itemId, delta),
        onAudioDone: () => this.leg?.outbound.markDone(),
        onSpeechStarted: () => { this.idlePrompted = false; this.armIdle(); this.bargeIn(); },
        onTurn: (role, text) => {
          this.transport.notify({ type: 'transcript', role, text });
          if (this.callId) this.track(this.deps.api.turn(this.callId, role, text, new Date()), 'turn');
        },
        onToolCall: (name, callId, args) => this.track(this.runTool(name, callId, args), 'tool'),
        onResponseDone: () => { this.armIdle(); this.checkPendingAction(); },
        onLost: () => this.track(this.onAgentLost(), 'agent lost'),
      });
      this.agent = agent;
      await Promise.all([agent.connect(), this.setupMedia(codec)]);
      if (this.isClosed()) {
        // Hung up during setup: close() ran before the media existed, so it could not release it.
        await Promise.allSettled([agent.close(), this.leg?.close()]);
        return;
      }
      this.setState('active');
      this.track(this.deps.api.answered(session.callId, new Date()), 'answered');
      if (this.deps.recordCalls) {
        this.track(this.transport.record(`voiceorder-${session.callId}`).then((path) => { this.recordingPath = path ?? undefined; }), 'record');
      }
      agent.greet();
      this.after(session.limits.maxCallMs, () => this.endPolitely('max_duration'));
      this.armIdle();
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'call setup failed');
      this.transport.notify({ type: 'error', message: "L'appel n'a pas pu démarrer : ticket expiré ou refusé, ou service indisponible. Réessayez." });
      await this.close('setup_failed', 'system');
    }
  }

  /**
   * Answer and media leg side by side (the transport orders what must be
   * ordered). Both are settled before a failure is reported, so close() never
   * runs while a leg is still being opened and would be left behind.
   */
  private async setupMedia(codec: 'pcmu' | 'pcma'): Promise<void> {
    const [answered, leg] = await Promise.allSettled([this.transport.answer(), this.openLeg(codec)]);
    if (answered.status === 'rejected') throw answered.reason;
    if (leg.status === 'rejected') throw leg.reason;
  }

  private async openLeg(codec: 'pcmu' | 'pcma'): Promise<void> {
    this.leg = await this.transport.openMedia(codec, (b64) => this.agent?.appendAudio(b64));
  }

  /**
   * A caller who says nothing for the idle limit is asked if they are still
   * there; after a second silence the agent says goodbye and hangs up, so a
   * forgotten handset never keeps a paid model session open.
   */
  private armIdle(): void {
    const limit = this.deps.idleTimeoutMs ?? this.session?.limits.idleTimeoutMs;
    if (!limit || this.state !== 'active') return;
    if (this.idleTimer) { clearTimeout(this.idleTimer); this.timers.delete(this.idleTimer); }
    this.idleTimer = this.after(limit, () => {
      if (this.state !== 'active' || this.agent?.responding || this.pendingAction) return this.armIdle();
      if (!this.idlePrompted) {
        this.idlePrompted = true;
        this.agent?.say("L'appelant ne dit plus rien : demande brièvement s'il est toujours là.");
      } else {
        this.endPolitely('idle_timeout');
      }
    });
  }

  /** The caller spoke over the agent: stop at once and tell the model what was really heard. */
  private bargeIn(): void {
    const leg = this.leg;
    const item = this.agent?.playingItemId;
    if (!leg || !item) return;
    const heardMs = leg.outbound.playedMs(item);
    const droppedBytes = leg.outbound.clear();
    this.transport.notify({ type: 'clear' });
    if (droppedBytes === 0 && heardMs === 0) return;
    this.agent?.truncate(item, heardMs);
    this.log.info({ itemId: item, heardMs }, 'barge-in');
  }

  private async runTool(name: string, toolCallId: string, args: string): Promise<void> {
    if (!this.callId || !this.agent) return;
    const filler = this.after(TOOL_FILLER_AFTER_MS, () => this.agent?.filler());
    let output: string;
    try {
      const r = await this.deps.api.runTool(this.callId, name, toolCallId, args);
      output = r.output;
      this.transport.notify({ type: 'tool', name, ok: r.ok });
      if (r.action) this.pendingAction = { kind: r.action, at: Date.now() };
    } catch (err) {
      this.failures++;
      this.log.error({ err: (err as Error).message, tool: name }, 'tool call failed');
      this.transport.notify({ type: 'tool', name, ok: false });
      output = JSON.stringify({ ok: false, message: "Le système ne répond pas. Excuse-toi et propose de transférer l'appel à l'équipe." });
      if (this.failures >= MAX_AGENT_FAILURES) this.pendingAction = { kind: 'transfer', at: Date.now() };
    } finally {
      clearTimeout(filler);
      this.timers.delete(filler);
    }
    await this.agent.toolOutput(toolCallId, output);
    if (this.pendingAction) this.after(END_CALL_FALLBACK_MS, () => this.checkPendingAction(true));
  }

  /** Transfer and hang-up wait until the caller has heard the last words. */
  private checkPendingAction(force = false): void {
    const action = this.pendingAction;
    if (!action || this.state !== 'active') return;
    const drained = (this.leg?.outbound.queuedMs ?? 0) === 0 && !this.agent?.responding;
    if (!drained && !force) {
      this.after(100, () => this.checkPendingAction(Date.now() - action.at > END_CALL_FALLBACK_MS));
      return;
    }
    this.pendingAction = undefined;
    if (action.kind === 'end_call') this.closeSoon('agent_end_call', 'agent');
    else this.track(this.transfer(), 'transfer');
  }

  onDtmf(digit: string): void {
    if (digit === '0' && this.state === 'active') {
      this.log.info('caller pressed 0: transfer');
      this.track(this.transfer(), 'transfer');
    }
  }

  private transferEndpoint(): string | null {
    return this.session?.transfer?.dial ?? null;
  }

  async transfer(): Promise<void> {
    const endpoint = this.transferEndpoint();
    const ops = this.transport.transfer;
    if (!ops) {
      // A browser test call has no phone line to hand over: say what a real call would do.
      this.transport.notify({ type: 'transfer', target: this.session?.transfer?.target ?? null });
      this.agent?.say("C'est un appel de test depuis le navigateur : explique en une phrase que lors d'un vrai appel tu passerais maintenant la main à l'équipe, puis propose de prendre un message.");
      return;
    }
    if (!endpoint || this.state !== 'active' || !this.session?.transfer) {
      this.agent?.say("Le transfert n'est pas possible pour le moment. Propose de prendre un message.");
      return;
    }
    this.setState('transferring');
    await this.leg?.close();
    this.leg = undefined;
    this.transferLegId = `vo-transfer-${this.transport.id}`;
    await ops.ring(true);
    const timeoutMs = this.session.transfer.timeoutMs;
    try {
      const callerNumber = this.transport.sessionRequest().callerNumber;
      await ops.originate({ legId: this.transferLegId, endpoint, callerId: callerNumber || undefined, timeoutS: Math.ceil(timeoutMs / 1000) });
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'transfer originate failed');
      await this.transferFailed('failed');
      return;
    }
    this.after(timeoutMs + TRANSFER_GRACE_MS, () => { if (this.state === 'transferring') this.track(this.transferFailed('no_answer'), 'transfer timeout'); });
  }

  /** The staff phone answered: bridge it to the caller, and the model leaves the call. */
  async transferAnswered(channelId: string): Promise<void> {
    if (this.state !== 'transferring' || channelId !== this.transferLegId) return;
    this.transferResult = 'answered';
    await this.transport.transfer?.ring(false);
    await this.transport.transfer?.join(channelId);
    this.setState('with_staff');
    await this.agent?.close();
  }

  /** No answer, busy or failure: back to the agent, who takes a message. */
  async transferFailed(result: 'no_answer' | 'busy' | 'failed'): Promise<void> {
    // The leg's ChannelHangupRequest and ChannelDestroyed both land here: the first one claims the
    // leg before any await, or both would reopen the model's media and leak a leg.
    const legId = this.transferLegId;
    if (this.state !== 'transferring' || legId === undefined) return;
    this.transferLegId = undefined;
    this.transferResult = result;
    if (legId) await this.transport.transfer?.hangupLeg(legId);
    await this.transport.transfer?.ring(false);
    await this.openLeg(this.session?.audioFormat === 'audio/pcma' ? 'pcma' : 'pcmu');
    this.setState('active');
    const why = result === 'busy' ? 'la ligne est occupée' : "personne n'a répondu";
    this.agent?.say(`Le transfert a échoué (${why}). Excuse-toi et propose de prendre un message (take_message).`);
  }

  onChannelGone(channelId: string, cause?: number): void {
    if (channelId === this.transport.id) {
      this.closeSoon(this.state === 'with_staff' ? 'transfer_completed' : 'caller_hangup', 'caller');
    } else if (channelId === this.transferLegId) {
      if (this.state === 'with_staff') this.closeSoon('transfer_completed', 'staff');
      // Only ChannelDestroyed carries the cause that tells busy from no answer; it always follows.
      else if (this.state === 'transferring' && cause !== undefined) this.track(this.transferFailed(cause === CAUSE_BUSY ? 'busy' : 'no_answer'), 'transfer failed');
    }
  }

  private endPolitely(reason: EndReason): void {
    if (this.state !== 'active') return;
    this.endReason = reason;
    this.agent?.say("Dis poliment que tu dois terminer l'appel maintenant, puis au revoir.");
    this.pendingAction = { kind: 'end_call', at: Date.now() };
    this.after(END_CALL_FALLBACK_MS * 2, () => this.checkPendingAction(true));
  }

  private async onAgentLost(): Promise<void> {
    this.failures++;
    if (this.state !== 'active') return;
    this.log.warn('model connection lost for good');
    if (this.transferEndpoint()) await this.transfer();
    else await this.close('realtime_failed', 'system');
  }

  /** close() from an event handler. Not tracked: close() itself waits for the tracked tasks. */
  private closeSoon(reason: EndReason, endedBy: EndedBy): void {
    this.close(reason, endedBy).catch((err: unknown) => this.log.error({ err: (err as Error).message }, 'close failed'));
  }

  /** The end of the call on its record, once, whenever the call id is known (a hang-up during setup learns it late). */
  private async recordEnd(usage = { inputTokens: 0, outputTokens: 0, cachedTokens: 0 }): Promise<void> {
    if (!this.callId || this.endRecorded || !this.endedBy || !this.endReason) return;
    this.endRecorded = true;
    await this.deps.api.end(this.callId, {
      endedBy: this.endedBy, endReason: this.endReason, usage, at: new Date(),
      ...(this.recordingPath ? { recordingPath: this.recordingPath } : {}),
      ...(this.transferResult ? { transferResult: this.transferResult } : {}),
      ...(this.session?.transfer && this.transferResult ? { transferTarget: this.session.transfer.target } : {}),
    }).catch((err: unknown) => this.log.error({ err: (err as Error).message }, 'could not record the end of the call'));
  }

  /** Releases everything once; the first reason and party to end the call are the ones recorded. */
  close(reason: EndReason, endedBy: EndedBy): Promise<void> {
    this.closing ??= (async () => {
      this.endReason ??= reason;
      this.endedBy = endedBy;
      const wasActive = this.state !== 'closed';
      this.state = 'closed';
      for (const t of this.timers) clearTimeout(t);
      this.timers.clear();
      const usage = this.agent?.usage ?? { inputTokens: 0, outputTokens: 0, cachedTokens: 0 };
      await Promise.allSettled([
        this.agent?.close(),
        this.leg?.close(),
        this.transferLegId && endedBy !== 'staff' ? this.transport.transfer?.hangupLeg(this.transferLegId) : undefined,
      ]);
      this.transport.notify({ type: 'ended', reason: this.endReason, endedBy });
      if (endedBy !== 'caller') await this.transport.hangup().catch(() => undefined);
      await this.transport.release().catch(() => undefined);
      await Promise.allSettled([...this.pending]);
      if (wasActive) await this.recordEnd(usage);
      this.log.info({ callId: this.callId, endReason: this.endReason, endedBy }, 'call closed');
      this.deps.onClosed(this);
    })();
    return this.closing;
  }
}
