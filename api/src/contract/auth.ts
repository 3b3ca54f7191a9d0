import { z } from 'zod';
import { Id, Locale } from './common.ts';

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const MembershipRole = z.enum(['owner', 'manager', 'staff']);

export const MeResponse = z.object({
  user: z.object({
    id: Id,
    email: z.string(),
    name: z.string(),
    isPlatformAdmin: z.boolean(),
    locale: Locale,
  }),
  restaurants: z.array(
    z.object({ id: Id, slug: z.string(), name: z.string(), role: MembershipRole.nullable() }),
  ),
});
export type MeResponse = z.infer<typeof MeResponse>;
