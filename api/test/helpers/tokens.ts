import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { newSecret, sha256 } from '../../src/services/auth-service.ts';

/** A service token as the controller holds it; restaurantId null = every restaurant. */
export async function createServiceToken(prisma: PrismaClient, restaurantId: string | null, kind: 'controller' | 'cli' = 'controller'): Promise<string> {
  const token = `vo_${newSecret()}`;
  await prisma.apiToken.create({ data: { name: `test ${kind}`, kind, tokenHash: sha256(token), prefix: token.slice(0, 8), restaurantId } });
  return token;
}
