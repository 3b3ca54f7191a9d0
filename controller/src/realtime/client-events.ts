// Builders for the Realtime client events the controller sends, typed as the
// openai package's GA client events so a shape drift fails `tsc`.
import type {
  ConversationItemCreateEvent,
  ConversationItemDeleteEvent,
  ConversationItemTruncateEvent,
  InputAudioBufferAppendEvent,
  RealtimeAudioInputTurnDetection,
  RealtimeFunctionTool,
  ResponseCancelEvent,
  ResponseCreateEvent,
  SessionUpdateEvent,
} from 'openai/resources/realtime/realtime';

/** G.711 only: what Asterisk sends us, so no resampling anywhere. */
export type G711Format = 'audio/pcmu' | 'audio/pcma';

export type TurnDetectionOptions =
  | {
      type: 'server_vad';
      threshold: number;
      prefixPaddingMs: number;
      silenceDurationMs: number;
      idleTimeoutMs?: number;
      /** Both default to true: the server answers and cuts its own answer by itself. */
      createResponse?: boolean;
      interruptResponse?: boolean;
    }
  | {
      type: 'semantic_vad';
      eagerness: 'low' | 'medium' | 'high' | 'auto';
      createResponse?: boolean;
      interruptResponse?: boolean;
    };

export interface SessionOptions {
  model?: string;
  instructions: string;
  voice: string;
  tools: RealtimeFunctionTool[];
  audioFormat: G711Format;
  turnDetection: TurnDetectionOptions;
  /** Caller-side transcription (for the call record); omit to leave it off. */
  inputTranscription?: { model: string; language?: string; prompt?: string };
  maxOutputTokens?: number | 'inf';
}

function turnDetection(t: TurnDetectionOptions): RealtimeAudioInputTurnDetection {
  const create_response = t.createResponse ?? true;
  const interrupt_response = t.interruptResponse ?? true;
  if (t.type === 'semantic_vad') return { type: 'semantic_vad', eagerness: t.eagerness, create_response, interrupt_response };
  return {
    type: 'server_vad',
    threshold: t.threshold,
    prefix_padding_ms: t.prefixPaddingMs,
    silence_duration_ms: t.silenceDurationMs,
    ...(t.idleTimeoutMs !== undefined ? { idle_timeout_ms: t.idleTimeoutMs } : {}),
    create_response,
    interrupt_response,
  };
}

export function sessionUpdate(o: SessionOptions): SessionUpdateEvent {
  return {
    type: 'session.update',
    session: {
      type: 'realtime',
      ...(o.model !== undefined ? { model: o.model } : {}),
      instructions: o.instructions,
      output_modalities: ['audio'],
      audio: {
        input: {
          format: { type: o.audioFormat },
          turn_detection: turnDetection(o.turnDetection),
          ...(o.inputTranscription ? { transcription: { ...o.inputTranscription } } : {}),
        },
        output: { format: { type: o.audioFormat }, voice: o.voice },
      },
      tools: o.tools,
      tool_choice: 'auto',
      ...(o.maxOutputTokens !== undefined ? { max_output_tokens: o.maxOutputTokens } : {}),
    },
  };
}

/** `audio` is base64 in the session's input format (G.711: 8 bytes per ms). */
export function inputAudioAppend(audio: string): InputAudioBufferAppendEvent {
  return { type: 'input_audio_buffer.append', audio };
}

/** `audioEndMs` must be what the caller actually heard, so the model's memory matches reality. */
export function conversationItemTruncate(itemId: string, contentIndex: number, audioEndMs: number): ConversationItemTruncateEvent {
  return {
    type: 'conversation.item.truncate',
    item_id: itemId,
    content_index: contentIndex,
    audio_end_ms: Math.max(0, Math.round(audioEndMs)),
  };
}

export function conversationItemDelete(itemId: string): ConversationItemDeleteEvent {
  return { type: 'conversation.item.delete', item_id: itemId };
}

export function functionCallOutput(callId: string, output: string): ConversationItemCreateEvent {
  return { type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output } };
}

/** Used to restore a transcript on a new session after a reconnect. */
export function conversationItemCreateUserText(text: string): ConversationItemCreateEvent {
  return { type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] } };
}

export function conversationItemCreateAssistantText(text: string): ConversationItemCreateEvent {
  return {
    type: 'conversation.item.create',
    item: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] },
  };
}

/** `instructions` replace the session's for this one response only (greeting, filler). */
export function responseCreate(instructions?: string): ResponseCreateEvent {
  return instructions === undefined ? { type: 'response.create' } : { type: 'response.create', response: { instructions } };
}

export function responseCancel(responseId?: string): ResponseCancelEvent {
  return responseId === undefined ? { type: 'response.cancel' } : { type: 'response.cancel', response_id: responseId };
}
