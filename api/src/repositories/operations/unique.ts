import { Prisma } from '../../generated/prisma/client.ts';

/** A unique-constraint violation: the race a prior existence check cannot close. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}

export const pageArgs = (page: number, pageSize: number) => ({ skip: (page - 1) * pageSize, take: pageSize });
