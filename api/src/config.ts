// The API's whole configuration, read and validated once at boot. Nothing below
// this file reads process.env. A bad value stops the boot with an error that
// names the variable and says what is expected.
import { z } from 'zod';
import path from 'node:path';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const postgresUrl = z
  .string()
  .url({ error: 'must be a URL such as postgresql://user@host:5432/db' })
  .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must start with postgres:// or postgresql://');

const PORT_MSG = 'must be a port number from 0 to 65535';
const port = z.coerce.number({ error: PORT_MSG }).int(PORT_MSG).min(0, PORT_MSG).max(65535, PORT_MSG);
const positiveMs = z.coerce.number({ error: 'must be a duration in milliseconds' }).int().positive();

/** Connections per API process (DATABASE_POOL_SIZE): 100 concurrent tool calls queue behind pg's default of 10. */
export const DEFAULT_DATABASE_POOL_SIZE = 20;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(DEFAULT_DATABASE_POOL_SIZE),
  REDIS_URL: z
    .string()
    .url()
    .refine((u) => /^rediss?:\/\//.test(u), 'must start with redis:// or rediss://')
    .optional(),
  SECRETS_KEY: z
    .string()
    .refine((k) => Buffer.from(k, 'base64').length === 32, 'must be 32 bytes, base64 encoded (openssl rand -base64 32)')
    .optional(),
  SEED_DEMO: bool.optional(),
  SESSION_TTL_MS: positiveMs.default(30 * 24 * 3600 * 1000),
  COOKIE_SECURE: bool.optional(),
  DASHBOARD_DIST: z.string().optional(),
  GOOGLE_MAPS_API_KEY: z.string().min(1).optional(),
  GOOGLE_MAPS_BASE_URL: z.string().url().optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MENU_MODEL: z.string().min(1).optional(),
  CONTROLLER_URL: z.string().url().default('http://127.0.0.1:3001'),
  ZENCHEF_BASE_URL: z.string().url().default('https://api.zenchef.com'),
  THEFORK_BASE_URL: z.string().url().default('https://api.thefork.io/manager'),
  THEFORK_AUTH_URL: z.string().url().default('https://auth.thefork.io'),
  SYNC_POLL_INTERVAL_MS: positiveMs.default(5 * 60 * 1000),
  SYNC_AVAILABILITY_INTERVAL_MS: positiveMs.default(5 * 60 * 1000),
  SYNC_DISPATCH_INTERVAL_MS: positiveMs.default(1000),
  SYNC_HTTP_TIMEOUT_MS: positiveMs.default(10_000),
  SYNC_BACKOFF_BASE_MS: positiveMs.default(2000),
  SYNC_MAX_ATTEMPTS: z.coerce.number({ error: 'must be a whole number of attempts' }).int().min(1).max(50).default(10),
  SYNC_STUCK_AFTER_MS: positiveMs.default(5 * 60 * 1000),
  SYNC_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_:.-]+$/, 'letters, digits and _ : . - only').default('vo'),
});

export type Env = Record<string, string | undefined>;

export interface ApiConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  dataDir: string;
  /** PostgreSQL URL, or the PGlite data directory when none is set. */
  /** poolSize: connections per API process; 100 concurrent tool calls queue behind pg's default of 10. */
  database: { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dir: string };
  redisUrl: string | undefined;
  /** Base64 AES-256 key; undefined means "use or create the embedded dev key". */
  secretsKey: string | undefined;
  seedDemo: boolean;
  sessionTtlMs: number;
  cookieSecure: boolean;
  dashboardDist: string;
  googleMapsApiKey: string | undefined;
  googleMapsBaseUrl: string | undefined;
  openaiApiKey: string | undefined;
  /** OpenAI's API base (…/v1) for the menu-photo import; OpenAI's own when unset. */
  openaiBaseUrl: string | undefined;
  /** The vision model that reads menu photos; the reader's default when unset. */
  openaiMenuModel: string | undefined;
  /** The controller's health and test-call server (http://): the API forwards browser test calls there. */
  controllerUrl: string;
  /** External platforms (Zenchef, TheFork): base URLs and the outbox worker's pacing. */
  sync: {
    zenchefBaseUrl: string;
    theforkBaseUrl: string;
    theforkAuthUrl: string;
    pollIntervalMs: number;
    /** How often the platforms' availability (closed or narrowed slots) is imported. */
    availabilityIntervalMs: number;
    dispatchIntervalMs: number;
    httpTimeoutMs: number;
    backoffBaseMs: number;
    maxAttempts: number;
    stuckAfterMs: number;
    queuePrefix: string;
  };
}

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): ApiConfig {
  // Empty strings count as unset: docker compose passes `FOO=` for blank .env lines.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}${describeValue(cleaned, i.path[0])}`),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  if (e.NODE_ENV === 'production' && !e.SECRETS_KEY) {
    throw new ConfigError(['SECRETS_KEY: required when NODE_ENV=production (openssl rand -base64 32)']);
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE } : { kind: 'pglite', dir: path.join(dataDir, 'pglite') },
    redisUrl: e.REDIS_URL,
    secretsKey: e.SECRETS_KEY,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    sessionTtlMs: e.SESSION_TTL_MS,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    dashboardDist: path.resolve(cwd, e.DASHBOARD_DIST ?? 'dashboard/dist'),
    googleMapsApiKey: e.GOOGLE_MAPS_API_KEY,
    googleMapsBaseUrl: e.GOOGLE_MAPS_BASE_URL,
    openaiApiKey: e.OPENAI_API_KEY,
    openaiBaseUrl: e.OPENAI_BASE_URL,
    openaiMenuModel: e.OPENAI_MENU_MODEL,
    controllerUrl: e.CONTROLLER_URL,
    sync: {
      zenchefBaseUrl: e.ZENCHEF_BASE_URL, theforkBaseUrl: e.THEFORK_BASE_URL, theforkAuthUrl: e.THEFORK_AUTH_URL,
      pollIntervalMs: e.SYNC_POLL_INTERVAL_MS, availabilityIntervalMs: e.SYNC_AVAILABILITY_INTERVAL_MS, dispatchIntervalMs: e.SYNC_DISPATCH_INTERVAL_MS, httpTimeoutMs: e.SYNC_HTTP_TIMEOUT_MS,
      backoffBaseMs: e.SYNC_BACKOFF_BASE_MS, maxAttempts: e.SYNC_MAX_ATTEMPTS, stuckAfterMs: e.SYNC_STUCK_AFTER_MS, queuePrefix: e.SYNC_QUEUE_PREFIX,
    },
  };
}

// Secrets are never echoed back; other values are, to make the mistake obvious.
function describeValue(env: Env, key: PropertyKey | undefined): string {
  if (typeof key !== 'string' || env[key] === undefined || /KEY|SECRET|PASSWORD|TOKEN/.test(key)) return '';
  const shown = /URL/.test(key) ? String(env[key]).replace(/\/\/[^@/]*@/, '//***@') : env[key];
  return ` (got "${shown}")`;
}

/** EX_CONFIG from sysexits.h: what init systems and operators read as "fix the configuration". */
export const EXIT_CONFIG = 78;

/** For command-line entry points: the config, or the named problems on stderr and exit 78. */
export function loadConfigOrExit(env: Env = process.env): ApiConfig {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(EXIT_CONFIG);
  }
}
