// Shared bits of the catalog repositories.
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';

/** The Prisma client or a transaction client. */
export type Db = PrismaClient | Prisma.TransactionClient;

export interface PageArgs { page: number; pageSize: number }
export const pageArgs = (p: PageArgs) => ({ skip: (p.page - 1) * p.pageSize, take: p.pageSize });

export const insensitive = (q: string) => ({ contains: q, mode: 'insensitive' as const });

/** A unique index refused the write (a name already taken in the restaurant). */
export const isUniqueViolation = (e: unknown): boolean =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';

/** Values ready for a Json column; `null` must become DbNull to clear it. */
export const jsonOrDbNull = (v: Prisma.InputJsonValue | null | undefined) =>
  v === undefined ? undefined : v === null ? Prisma.DbNull : v;
