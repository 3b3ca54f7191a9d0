// A canonical description of a database's schema from the catalog: tables,
// columns, enums, indexes, constraints. Two databases with the same text here
// have the same schema, whatever produced them. NOT NULL rows of pg_constraint
// are skipped: PostgreSQL 17 (PGlite) lists them there, 15 does not, and
// nullability is already compared through information_schema.columns.
import type { SqlRunner } from '../../src/db/sql-runner.ts';

export async function describeSchema(db: SqlRunner): Promise<string> {
  const q = async (sql: string) => (await db.query(sql)).map((r) => JSON.stringify(r));
  const parts = [
    ...(await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
                 FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
                 ORDER BY table_name, column_name`)),
    ...(await q(`SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
                 FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`)),
    ...(await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
                 WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`)),
    ...(await q(`SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                 WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
                   AND contype NOT IN ('n', 't')
                 ORDER BY 1, 2`)),
  ];
  return parts.join('\n');
}
