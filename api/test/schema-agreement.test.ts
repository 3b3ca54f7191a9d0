// The migrations folder must produce exactly the schema that schema.prisma
// describes: otherwise the Prisma client and the database disagree at run time.
import t from 'tap';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diffSchemas } from '../src/db/schema-diff.ts';
import { connectPgRunner } from '../src/db/sql-runner.ts';
import { MIGRATIONS_DIR } from '../src/db/paths.ts';
import { createTestDatabase } from './helpers/test-db.ts';
import { describeSchema } from './helpers/catalog.ts';

const schemaPath = path.resolve(MIGRATIONS_DIR, '../schema.prisma');
const hasStatements = (sql: string) => sql.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('--'));

t.test('the migrations folder builds exactly the schema in schema.prisma', async (t) => {
  const schema = await readFile(schemaPath, 'utf8');
  // What Prisma would create from the schema alone, applied to an empty database…
  const fromScratchSql = await diffSchemas({ fromDatamodel: null, toDatamodel: schema });
  const expected = await createTestDatabase();
  t.teardown(() => expected.drop());
  const e = await connectPgRunner(expected.url);
  t.teardown(() => e.close());
  await e.exec(fromScratchSql);

  // …and what the committed migrations create.
  const actual = await createTestDatabase({ migrated: true });
  t.teardown(() => actual.drop());
  const a = await connectPgRunner(actual.url);
  t.teardown(() => a.close());

  const [want, got] = [await describeSchema(e), await describeSchema(a)];
  t.ok(want.length > 1000, 'the catalog description is not empty');
  t.equal(got, want, 'schema.prisma changed without a migration: run `npm run db:migration:new -- <name>`');
});

t.test('the migration snapshot matches schema.prisma (no pending change)', async (t) => {
  const schema = await readFile(schemaPath, 'utf8');
  const snapshot = await readFile(path.join(MIGRATIONS_DIR, 'schema.snapshot.prisma'), 'utf8');
  const sql = await diffSchemas({ fromDatamodel: snapshot, toDatamodel: schema });
  t.notOk(hasStatements(sql), `pending schema change:\n${sql}`);
});
