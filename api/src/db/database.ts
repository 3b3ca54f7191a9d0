// Opens the database the config points at: a real PostgreSQL server, or the
// embedded PGlite in DATA_DIR when no DATABASE_URL is set. Either way the rest
// of the API sees the same Prisma client.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { ApiConfig } from '../config.ts';
import { connectPgRunner, pgliteRunner, type SqlRunner } from './sql-runner.ts';
import { pgliteSql, pgSql, type Sql } from './sql.ts';

export type { PrismaClient };

// pg's own default, kept where no size is configured (tests, tools).
const PG_DEFAULT_POOL_MAX = 10;

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly prisma: PrismaClient;
  /** Plain SQL on the same connections, for the few hot paths that Prisma's overhead shows on. */
  readonly sql: Sql;
  /** For migrations and health checks; do not use for domain queries. */
  openRunner(): Promise<SqlRunner>;
  close(): Promise<void>;
}

/** Told when the server drops an idle connection (a restart, a failover): the pool replaces it on next use. */
export type IdleConnectionError = (err: Error) => void;

export async function openDatabase(target: ApiConfig['database'], onIdleError?: IdleConnectionError): Promise<Database> {
  if (target.kind === 'pglite') {
    await mkdir(target.dir, { recursive: true });
    const pglite = new PGlite(target.dir);
    await pglite.waitReady;
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      kind: 'pglite',
      prisma,
      sql: pgliteSql(pglite),
      async openRunner() {
        return pgliteRunner(pglite);
      },
      async close() {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  // One pool for Prisma and the plain SQL. Sessions run in UTC: timestamps are
  // stored as UTC wall time, and `now()` or a timestamptz cast must agree.
  // A connection once opened is kept (min = max), not closed after 10 s idle as pg does by default:
  // opening one costs a PostgreSQL backend and the planning of every named statement again, and the
  // request that needed it waited ~40 ms for that under load (measured 2026-11-22, at the paced
  // callers' bursts and the catalog's reloads).
  const max = target.poolSize ?? PG_DEFAULT_POOL_MAX;
  const pool = new pg.Pool({ connectionString: target.url, options: '-c TimeZone=UTC', max, min: max });
  // Without a listener, the pool's 'error' event for an idle connection would crash the process.
  pool.on('error', (err) => onIdleError?.(err));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: 'postgres',
    prisma,
    sql: pgSql(pool, pg.types),
    openRunner: () => connectPgRunner(target.url),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
