// Opens the database the config points at: a real PostgreSQL server, or the
// embedded PGlite in DATA_DIR when no DATABASE_URL is set. Either way the rest
// of the API sees the same Prisma client.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { ApiConfig } from '../config.ts';
import { connectPgRunner, pgliteRunner, type SqlRunner } from './sql-runner.ts';

export type { PrismaClient };

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly prisma: PrismaClient;
  /** For migrations and health checks; do not use for domain queries. */
  openRunner(): Promise<SqlRunner>;
  close(): Promise<void>;
}

export async function openDatabase(target: ApiConfig['database']): Promise<Database> {
  if (target.kind === 'pglite') {
    await mkdir(target.dir, { recursive: true });
    const pglite = new PGlite(target.dir);
    await pglite.waitReady;
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      kind: 'pglite',
      prisma,
      async openRunner() {
        return pgliteRunner(pglite);
      },
      async close() {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, ...(target.poolSize ? { max: target.poolSize } : {}) }) });
  return {
    kind: 'postgres',
    prisma,
    openRunner: () => connectPgRunner(target.url),
    async close() {
      await prisma.$disconnect();
    },
  };
}
