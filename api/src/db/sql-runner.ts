// The smallest SQL surface the migrator and test helpers need, over either a
// real PostgreSQL connection or embedded PGlite. Prisma is not used here because
// migration files are multi-statement scripts, which Prisma's raw API refuses.
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';

export interface SqlRunner {
  readonly kind: 'postgres' | 'pglite';
  /** Runs a script of one or more statements, with no parameters. */
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function connectPgRunner(connectionString: string): Promise<SqlRunner> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  return {
    kind: 'postgres',
    async exec(sql) {
      await client.query(sql);
    },
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const res = await client.query(sql, params);
      return res.rows as T[];
    },
    async close() {
      await client.end();
    },
  };
}

/** Wraps a PGlite instance owned by someone else: close() leaves it open. */
export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    kind: 'pglite',
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const res = await db.query<T>(sql, params);
      return res.rows;
    },
    async close() {},
  };
}
