// Each test file gets its own PostgreSQL database on the real server, created
// here and dropped at teardown, so files never see each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../src/db/migrator.ts';
import { connectPgRunner } from '../../src/db/sql-runner.ts';
import { MIGRATIONS_DIR } from '../../src/db/paths.ts';

export const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database; with `migrated`, applies every migration too. */
export async function createTestDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `vo_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  if (opts.migrated) {
    const runner = await connectPgRunner(url);
    try {
      await migrate(runner, MIGRATIONS_DIR);
    } finally {
      await runner.close();
    }
  }
  return {
    name,
    url,
    drop: () => admin(async (c) => { await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); }),
  };
}
