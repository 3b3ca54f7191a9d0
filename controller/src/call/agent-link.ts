// The call's link to the model: session setup, audio in and out, tool
// results, and one reconnect that restores the conversation if the socket drops.
import type { Logger } from 'pino';
import type { AgentSession } from '../../../api/src/contract/agent.ts';
import { RealtimeSocket } from '../realtime/realtime-socket.ts';
import {
  conversationItemCreateAssistantText, conversationItemCreateUserText, conversationItemDelete, conversationItemTruncate,
  functionCallOutput, inputAudioAppend, responseCreate, sessionUpdate,
} from '../realtime/client-events.ts';
import type { ParsedServerEvent } from '../realtime/server-events.ts';

export interface RealtimeConfig {
  url: string;
  apiKey: string;
  transcriptionModel: string;
  /** Server VAD tuned for phone lines: a higher threshold ignores line noise and "mm-hm". */
  vad: { threshold: number; prefixPaddingMs: number; silenceDurationMs: number };
  connectTimeoutMs?: number;
}

export interface AgentCallbacks {
  onAudio(itemId: string, deltaBase64: string): void;
  /** The end of a response's audio: its short tail may now be sent, padded. */
  onAudioDone(): void;
  onSpeechStarted(): void;
  onTurn(role: 'caller' | 'agent', text: string): void;
  onToolCall(name: string, callId: string, args: string): void;
  onResponseDone(): void;
  /** The socket dropped and could not be restored. */
  onLost(): void;
}

const FILLER = 'Dis seulement, en quelques mots : « Un instant, je vérifie. »';
const RESUME = "Excuse-toi en une phrase pour la coupure et reprends où vous en étiez.";

export class AgentLink {
  playingItemId: string | undefined;
  responding = false;
  readonly usage = { inputTokens: 0, outputTokens: 0, cachedTokens: 0 };
  private socket: RealtimeSocket | undefined;
  private readonly transcript: Array<{ role: 'caller' | 'agent'; text: string }> = [];
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private reconnected = false;

  constructor(
    private readonly config: RealtimeConfig,
    private readonly session: AgentSession,
    private readonly log: Logger,
    private readonly cb: AgentCallbacks,
  ) {}

  async connect(): Promise<void> {
    const socket = new RealtimeSocket({
      url: this.config.url, apiKey: this.config.apiKey, model: this.session.model,
      ...(this.config.connectTimeoutMs ? { connectTimeoutMs: this.config.connectTimeoutMs } : {}),
    });
    socket.onEvent((e) => this.dispatch(e));
    socket.onClose((info) => {
      if (this.closed || socket !== this.socket) return;
      this.log.warn({ code: info.code, by: info.by, reason: info.reason }, 'model socket closed');
      this.responding = false;
      this.releaseWaiters();
      void this.reconnect();
    });
    socket.onError((err) => this.log.warn({ err: err.message }, 'model socket error'));
    await socket.connect();
    // The call ended while the socket was opening: close() found nothing to close, so close it here.
    if (this.closed) {
      await socket.close('call ended');
      return;
    }
    this.socket = socket;
    socket.send(sessionUpdate({
      instructions: this.session.instructions,
      voice: this.session.voice,
      tools: this.session.tools as Parameters<typeof sessionUpdate>[0]['tools'],
      audioFormat: this.session.audioFormat,
      turnDetection: { type: 'server_vad', ...this.config.vad },
      inputTranscription: { model: this.config.transcriptionModel, language: this.session.language },
    }));
  }

  private async reconnect(): Promise<void> {
    if (this.reconnected || this.closed) {
      this.cb.onLost();
      return;
    }
    this.reconnected = true;
    try {
      await this.connect();
      // The new session knows nothing: replay what was said, then let the model pick up.
      for (const t of this.transcript) {
        this.socket?.send(t.role === 'caller' ? conversationItemCreateUserText(t.text) : conversationItemCreateAssistantText(t.text));
      }
      this.socket?.send(responseCreate(RESUME));
      this.log.info({ turns: this.transcript.length }, 'model socket restored');
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'model reconnect failed');
      this.cb.onLost();
    }
  }

  private dispatch(e: ParsedServerEvent): void {
    switch (e.type) {
      case 'response.created':
        this.responding = true;
        break;
      case 'response.output_audio.delta':
        this.playingItemId = e.item_id;
        this.cb.onAudio(e.item_id, e.delta);
        break;
      case 'response.output_audio.done':
        this.cb.onAudioDone();
        break;
      case 'input_audio_buffer.speech_started':
        this.cb.onSpeechStarted();
        break;
      case 'conversation.item.input_audio_transcription.completed':
        if (e.transcript.trim()) this.remember('caller', e.transcript.trim());
        break;
      case 'response.output_audio_transcript.done':
        if (e.transcript.trim()) this.remember('agent', e.transcript.trim());
        break;
      case 'response.function_call_arguments.done':
        this.cb.onToolCall(e.name, e.call_id, e.arguments);
        break;
      case 'response.done': {
        this.responding = false;
        const u = e.response.usage;
        if (u) {
          this.usage.inputTokens += u.input_tokens ?? 0;
          this.usage.outputTokens += u.output_tokens ?? 0;
          this.usage.cachedTokens += u.input_token_details?.cached_tokens ?? 0;
        }
        this.releaseWaiters();
        this.cb.onResponseDone();
        break;
      }
      case 'error':
        this.log.warn({ error: e.error }, 'model error event');
        break;
      case 'invalid':
        this.log.warn({ eventType: e.eventType, problem: e.problem }, 'unparseable model event');
        break;
      default:
        break;
    }
  }

  private remember(role: 'caller' | 'agent', text: string): void {
    this.transcript.push({ role, text });
    this.cb.onTurn(role, text);
  }

  private releaseWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once no response is being generated (a new response.create would be refused). */
  private idle(): Promise<void> {
    return this.responding ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  appendAudio(base64: string): void {
    this.socket?.send(inputAudioAppend(base64));
  }

  greet(): void {
    this.socket?.send(responseCreate());
  }

  /** Keeps the model's memory equal to what the caller heard. */
  truncate(itemId: string, heardMs: number): void {
    this.socket?.send(heardMs > 0 ? conversationItemTruncate(itemId, 0, heardMs) : conversationItemDelete(itemId));
    this.playingItemId = undefined;
  }

  filler(): void {
    if (!this.responding) this.socket?.send(responseCreate(FILLER));
  }

  async toolOutput(toolCallId: string, output: string): Promise<void> {
    this.socket?.send(functionCallOutput(toolCallId, output));
    await this.idle();
    this.socket?.send(responseCreate());
  }

  /** Makes the model say something now (after any current response), from an instruction. */
  say(instruction: string): void {
    void this.idle().then(() => this.socket?.send(responseCreate(instruction)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.releaseWaiters();
    await this.socket?.close('call ended');
  }
}
