// The fake's session state: GA defaults on connect, and `session.update`
// applied the way the real server does (a partial update, merged per section).
import type { RealtimeAudioFormats, RealtimeSessionCreateRequest } from 'openai/resources/realtime/realtime';
import type { SessionRequest } from './client-wire.ts';
import { G711_BYTES_PER_MS } from './g711.ts';

/** What a new GA session reports before any update (24 kHz PCM, server VAD). */
export function defaultSession(model: string): RealtimeSessionCreateRequest {
  return {
    type: 'realtime',
    model,
    output_modalities: ['audio'],
    instructions: 'You are a helpful, witty, and friendly AI.',
    tools: [],
    tool_choice: 'auto',
    max_output_tokens: 'inf',
    audio: {
      input: {
        format: { type: 'audio/pcm', rate: 24000 },
        turn_detection: {
          type: 'server_vad',
          threshold: 0.5,
          prefix_padding_ms: 300,
          silence_duration_ms: 200,
          idle_timeout_ms: null,
          create_response: true,
          interrupt_response: true,
        },
      },
      output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'marin', speed: 1 },
    },
  };
}

export function applySessionUpdate(current: RealtimeSessionCreateRequest, update: SessionRequest): RealtimeSessionCreateRequest {
  const { audio, ...rest } = update;
  return {
    ...current,
    ...rest,
    audio: {
      input: { ...current.audio?.input, ...audio?.input },
      output: { ...current.audio?.output, ...audio?.output },
    },
  };
}

export type AudioKind = 'pcmu' | 'pcma' | 'pcm24k';

export function audioKind(format: RealtimeAudioFormats | undefined): AudioKind {
  if (format?.type === 'audio/pcmu') return 'pcmu';
  if (format?.type === 'audio/pcma') return 'pcma';
  return 'pcm24k';
}

/** G.711: 8 kHz × 1 byte; PCM: 24 kHz × 2 bytes. */
export function bytesPerMs(kind: AudioKind): number {
  return kind === 'pcm24k' ? 48 : G711_BYTES_PER_MS;
}
