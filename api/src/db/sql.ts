// Plain SQL for the agent's hot paths (a call's start, a tool call, an order),
// beside Prisma rather than through it: on those paths Prisma's query
// compiler and result interpreter cost more CPU than PostgreSQL's own work
// (27 % of the API's busy time under confirm_order, measured in session 4).
// Everything else keeps using Prisma. Both back ends (a PostgreSQL server
// through pg, the embedded PGlite) parse results the same way here.
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export interface SqlStatement {
  /**
   * A fixed name makes PostgreSQL parse and plan the statement once per
   * connection. Only for a constant `text`: a name reused with another text fails.
   */
  name?: string;
  text: string;
  values?: readonly unknown[];
}

export interface Sql {
  /** One statement; its rows, with timestamps as UTC Dates and json as values. */
  query<R extends object>(statement: SqlStatement): Promise<R[]>;
  /**
   * Statements on one connection, committed together (rolled back if `fn`
   * throws). Under READ COMMITTED each statement sees what was committed
   * before it started: one that runs after taking a lock sees all that the
   * lock's previous holder wrote.
   */
  transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T>;
}

export type SqlQuery = Pick<Sql, 'query'>;

// The schema's DateTime columns are timestamptz, which both drivers read right.
// A value without a zone (`timestamp`, from an expression) would be read in
// the Node process's zone by both: here it is read as UTC, like the database.
const TIMESTAMP_OID = 1114;
const TIMESTAMP_ARRAY_OID = 1115;
const utc = (text: string): Date => new Date(`${text.replace(' ', 'T')}Z`);
const utcArray = (text: string): Date[] => text.replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((t) => utc(t.replace(/^"|"$/g, '')));
// And written as UTC text: pg would send a Date in the process's zone with an
// offset, which a cast to `timestamp` silently drops.
const param = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.map(param) : v);
const params = (values: readonly unknown[] | undefined): unknown[] => (values ? values.map(param) : []);

export function pgSql(pool: pg.Pool, types: typeof pg.types): Sql {
  const parsers: pg.CustomTypesConfig = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === TIMESTAMP_OID) return utc;
      if (oid === TIMESTAMP_ARRAY_OID) return utcArray;
      return types.getTypeParser(oid, format);
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
  const on = (c: pg.Pool | pg.PoolClient): SqlQuery => ({
    async query<R extends object>(s: SqlStatement): Promise<R[]> {
      const r = await c.query<R>({ ...(s.name ? { name: s.name } : {}), text: s.text, values: params(s.values), types: parsers });
      return r.rows;
    },
  });
  return {
    ...on(pool),
    async transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T> {
      const c = await pool.connect();
      // A connection whose ROLLBACK failed is broken: destroyed, not returned to the pool.
      let broken: Error | undefined;
      try {
        await c.query('BEGIN');
        const result = await fn(on(c));
        await c.query('COMMIT');
        return result;
      } catch (err) {
        broken = await c.query('ROLLBACK').then(() => undefined, (e: unknown) => (e instanceof Error ? e : new Error(String(e))));
        throw err;
      } finally {
        c.release(broken);
      }
    },
  };
}

export function pgliteSql(db: PGlite): Sql {
  const parsers = {
    [TIMESTAMP_OID]: utc,
    [TIMESTAMP_ARRAY_OID]: utcArray,
  };
  const on = (c: Pick<PGlite, 'query'>): SqlQuery => ({
    async query<R extends object>(s: SqlStatement): Promise<R[]> {
      const r = await c.query<R>(s.text, params(s.values), { parsers });
      return r.rows;
    },
  });
  return {
    ...on(db),
    transaction: (fn) => db.transaction((tx) => fn(on(tx))),
  };
}
