// `voiceorder doctor`: checks the stack through the API's own health endpoint.
import { HealthResponse } from '../../api/src/contract/health.ts';

// A healthy API answers in milliseconds; a hung one must not hang the operator.
const DOCTOR_TIMEOUT_MS = 5000;

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

export async function runDoctor(apiUrl: string): Promise<Check[]> {
  let res: Response;
  try {
    res = await fetch(new URL('/health', apiUrl), { signal: AbortSignal.timeout(DOCTOR_TIMEOUT_MS) });
  } catch (err) {
    return [{ name: 'API', ok: false, detail: `${apiUrl} does not answer (${(err as Error).message})`, fix: 'Start it with `npm start`, or set VOICEORDER_API_URL.' }];
  }
  const parsed = HealthResponse.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return [{ name: 'API', ok: false, detail: `${apiUrl}/health answered ${res.status} with an unexpected body`, fix: 'Is VOICEORDER_API_URL pointing at VoiceOrder?' }];
  const h = parsed.data;
  const checks: Check[] = [{ name: 'API', ok: true, detail: `${apiUrl} version ${h.version}` }];
  const db = h.checks.database;
  checks.push(db.ok
    ? { name: 'Database', ok: true, detail: `${db.kind}, ${db.latencyMs ?? '?'} ms` }
    : { name: 'Database', ok: false, detail: `${db.kind}: ${db.error ?? 'down'}`, fix: 'Check DATABASE_URL and that PostgreSQL is running.' });
  const r = h.checks.redis;
  checks.push(r === undefined
    ? { name: 'Redis', ok: true, detail: 'not configured (REDIS_URL unset): sync events wait in the database outbox' }
    : r.ok ? { name: 'Redis', ok: true, detail: `${r.latencyMs ?? '?'} ms` }
      : { name: 'Redis', ok: false, detail: r.error ?? 'down', fix: 'Check REDIS_URL and that Redis is running.' });
  return checks;
}

export function formatChecks(checks: Check[]): string {
  return checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}${c.ok || !c.fix ? '' : `\n    fix: ${c.fix}`}`).join('\n');
}
