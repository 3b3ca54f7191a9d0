// The controller's configuration, read and validated once at boot. Phone
// calls need ARI; browser test calls need only the model's key; the health and
// test-call HTTP server always runs.
import { z } from 'zod';

const envSchema = z.object({
  ARI_URL: z.string().url().optional(),
  ARI_USERNAME: z.string().min(1).optional(),
  ARI_PASSWORD: z.string().min(1).optional(),
  ARI_APP: z.string().regex(/^[A-Za-z0-9_-]+$/).default('voiceorder'),
  API_URL: z.string().url().default('http://127.0.0.1:3000'),
  API_TOKEN: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_REALTIME_URL: z.string().url().refine((u) => /^wss?:\/\//.test(u), 'must be a ws:// or wss:// URL').default('wss://api.openai.com/v1/realtime'),
  RTP_HOST: z.string().min(1).default('127.0.0.1'),
  RTP_ADVERTISE_HOST: z.string().min(1).optional(),
  OPENAI_TRANSCRIPTION_MODEL: z.string().min(1).default('gpt-4o-mini-transcribe'),
  VAD_THRESHOLD: z.coerce.number().min(0).max(1).default(0.6),
  VAD_SILENCE_MS: z.coerce.number().int().min(100).max(3000).default(500),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).default(120_000),
  IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000).optional(),
  RTP_PORT_MIN: z.coerce.number().int().min(1024).max(65534).default(40000),
  RTP_PORT_MAX: z.coerce.number().int().min(1025).max(65535).default(40199),
  CONTROLLER_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  CONTROLLER_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  CONTROLLER_ID: z.string().min(1).max(64).optional(),
  RECORD_CALLS: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ControllerConfig {
  /** Null: no Asterisk, phone calls are off (browser test calls still work). */
  ari: { url: string; username: string; password: string; app: string } | null;
  /** Health and the browser test-call WebSocket. */
  http: { host: string; port: number };
  /** Names this controller in health reports (the host name by default). */
  controllerId: string | undefined;
  apiUrl: string;
  apiToken: string | undefined;
  openai: { apiKey: string | undefined; realtimeUrl: string; transcriptionModel: string; vad: { threshold: number; silenceDurationMs: number } };
  rtp: { host: string; advertiseHost: string; portMin: number; portMax: number };
  shutdownDrainMs: number;
  /** Overrides the API's silence limit for every call when set. */
  idleTimeoutMs: number | undefined;
  recordCalls: boolean;
  logLevel: string;
}

export function loadControllerConfig(env: Record<string, string | undefined> = process.env): ControllerConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(`Invalid controller configuration:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.ARI_URL && (!e.ARI_USERNAME || !e.ARI_PASSWORD)) {
    throw new Error('Invalid controller configuration:\n  ARI_USERNAME and ARI_PASSWORD are required when ARI_URL is set');
  }
  if (e.RTP_PORT_MIN >= e.RTP_PORT_MAX) {
    throw new Error('Invalid controller configuration:\n  RTP_PORT_MIN must be lower than RTP_PORT_MAX');
  }
  return {
    ari: e.ARI_URL && e.ARI_USERNAME && e.ARI_PASSWORD ? { url: e.ARI_URL, username: e.ARI_USERNAME, password: e.ARI_PASSWORD, app: e.ARI_APP } : null,
    http: { host: e.CONTROLLER_HTTP_HOST, port: e.CONTROLLER_HTTP_PORT },
    controllerId: e.CONTROLLER_ID,
    apiUrl: e.API_URL,
    apiToken: e.API_TOKEN,
    openai: {
      apiKey: e.OPENAI_API_KEY, realtimeUrl: e.OPENAI_REALTIME_URL, transcriptionModel: e.OPENAI_TRANSCRIPTION_MODEL,
      vad: { threshold: e.VAD_THRESHOLD, silenceDurationMs: e.VAD_SILENCE_MS },
    },
    rtp: { host: e.RTP_HOST, advertiseHost: e.RTP_ADVERTISE_HOST ?? e.RTP_HOST, portMin: e.RTP_PORT_MIN, portMax: e.RTP_PORT_MAX },
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    idleTimeoutMs: e.IDLE_TIMEOUT_MS,
    recordCalls: e.RECORD_CALLS,
    logLevel: e.LOG_LEVEL,
  };
}
