import { z } from 'zod';

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeMs: z.number(),
  checks: z.object({
    database: z.object({ ok: z.boolean(), kind: z.enum(['postgres', 'pglite']), latencyMs: z.number().optional(), error: z.string().optional() }),
    /** Absent when REDIS_URL is not configured. */
    redis: z.object({ ok: z.boolean(), latencyMs: z.number().optional(), error: z.string().optional() }).optional(),
  }),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
