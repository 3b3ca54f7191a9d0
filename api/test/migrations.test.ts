import t from 'tap';
import { cp, mkdtemp, mkdir, writeFile, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { migrate, readMigrations } from '../src/db/migrator.ts';
import { connectPgRunner, pgliteRunner } from '../src/db/sql-runner.ts';
import { MIGRATIONS_DIR } from '../src/db/paths.ts';
import { createTestDatabase } from './helpers/test-db.ts';
import { describeSchema } from './helpers/catalog.ts';

t.test('migrations apply on a fresh PostgreSQL, once', async (t) => {
  const tdb = await createTestDatabase();
  t.teardown(() => tdb.drop());
  const db = await connectPgRunner(tdb.url);
  t.teardown(() => db.close());
  const all = (await readMigrations(MIGRATIONS_DIR)).map((m) => m.name);
  t.ok(all.length > 0, 'the project has migrations');

  const first = await migrate(db, MIGRATIONS_DIR);
  t.same(first.applied, all, 'every migration is applied in order');
  const schemaAfterFirst = await describeSchema(db);

  const second = await migrate(db, MIGRATIONS_DIR);
  t.same(second.applied, [], 'running it again applies nothing');
  t.same(second.alreadyApplied, all);
  t.equal(await describeSchema(db), schemaAfterFirst, 'and changes nothing');

  const rows = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
  );
  const files = await readMigrations(MIGRATIONS_DIR);
  t.same(rows.map((r) => r.migration_name), all, 'recorded in _prisma_migrations as prisma migrate deploy does');
  t.same(rows.map((r) => r.checksum), files.map((f) => f.checksum), 'with the SHA-256 of each file');
  t.ok(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1));
});

t.test('migrations apply on embedded PGlite and give the same schema as PostgreSQL', async (t) => {
  const lite = new PGlite();
  t.teardown(() => lite.close());
  const liteRunner = pgliteRunner(lite);
  const r = await migrate(liteRunner, MIGRATIONS_DIR);
  t.ok(r.applied.length > 0);
  t.same((await migrate(liteRunner, MIGRATIONS_DIR)).applied, [], 'idempotent on PGlite too');

  const tdb = await createTestDatabase({ migrated: true });
  t.teardown(() => tdb.drop());
  const pgRunner = await connectPgRunner(tdb.url);
  t.teardown(() => pgRunner.close());
  t.equal(await describeSchema(liteRunner), await describeSchema(pgRunner));
});

t.test('a failing migration is rolled back whole and not recorded', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vo-migrations-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  const bad = path.join(dir, '29991231235959_broken');
  await mkdir(bad);
  await writeFile(path.join(bad, 'migration.sql'), 'CREATE TABLE "Half" (id int);\nSELECT * FROM "DoesNotExist";\n');

  const tdb = await createTestDatabase();
  t.teardown(() => tdb.drop());
  const db = await connectPgRunner(tdb.url);
  t.teardown(() => db.close());
  await t.rejects(migrate(db, dir), /29991231235959_broken failed and was rolled back/);
  const half = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
  t.equal(half.length, 0, 'the half-applied table is gone');
  const recorded = await db.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations"');
  t.notOk(recorded.some((r) => r.migration_name.endsWith('_broken')), 'the broken migration is not recorded');
  t.ok(recorded.length > 0, 'the good ones before it stay applied');

  await writeFile(path.join(bad, 'migration.sql'), 'CREATE TABLE "Half" (id int);\n');
  const retry = await migrate(db, dir);
  t.same(retry.applied, ['29991231235959_broken'], 'fixing the file and running again is enough');
});

t.test('an applied migration edited afterwards is reported, not re-run', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vo-migrations-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  const tdb = await createTestDatabase();
  t.teardown(() => tdb.drop());
  const db = await connectPgRunner(tdb.url);
  t.teardown(() => db.close());
  await migrate(db, dir);
  const [first] = await readMigrations(dir);
  const file = path.join(dir, first!.name, 'migration.sql');
  await writeFile(file, (await readFile(file, 'utf8')) + '\n-- edited\n');
  const r = await migrate(db, dir);
  t.same(r.applied, []);
  t.same(r.modified, [first!.name]);
});
