import type { Test } from 'tap';
import { client, startTestApi } from '../helpers/test-api.ts';
import { DEMO_OWNER } from '../../src/seed/demo-seed.ts';
import type { MeResponse } from '../../src/contract/index.ts';
import type { ApiHandle } from '../../src/server.ts';

export type Client = ReturnType<typeof client>;

export async function loginAs(api: ApiHandle, who: { email: string; password: string } = DEMO_OWNER): Promise<{ c: Client; rid: string }> {
  const c = client(api.url);
  const res = await c.post<MeResponse>('/api/auth/login', who);
  if (res.status !== 200) throw new Error(`login as ${who.email} failed: ${res.status}`);
  return { c, rid: res.body.restaurants[0]?.id ?? '' };
}

/** One API for the whole file, logged in as the demo owner. */
export async function demoApi(t: Test) {
  const api = await startTestApi(t);
  const { c, rid } = await loginAs(api);
  return { api, c, rid, base: `/api/restaurants/${rid}`, prisma: api.db.prisma };
}
