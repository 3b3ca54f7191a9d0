// Bug: pg closes a pool connection after 10 s idle, so between bursts of calls
// the pool shrank, and the next burst's requests each waited for a new
// PostgreSQL backend and their named statements to be planned again (~40 ms
// under load, seen as the slowest tool calls at a person's pace).
import t from 'tap';
import { createTestDatabase } from '../helpers/test-db.ts';
import { openDatabase } from '../../src/db/database.ts';

// pg's default idleTimeoutMillis, with a margin for its timer.
const PG_IDLE_CLOSE_MS = 10_000 + 1_000;

t.test('pool connections stay open through an idle spell longer than pg closes them after', async (t) => {
  const tdb = await createTestDatabase({ migrated: false });
  t.teardown(() => tdb.drop());
  const db = await openDatabase({ kind: 'postgres', url: tdb.url, poolSize: 4 });
  t.teardown(() => db.close());
  const backends = async () => new Set(
    (await Promise.all(Array.from({ length: 4 }, () => db.sql.query<{ pid: number }>({ text: 'SELECT pg_backend_pid() AS pid, pg_sleep(0.05)' }))))
      .map((rows) => rows[0]?.pid),
  );
  const before = await backends();
  t.equal(before.size, 4, 'a burst of four opens four connections');
  await new Promise((r) => setTimeout(r, PG_IDLE_CLOSE_MS));
  const after = await backends();
  t.same([...after].sort(), [...before].sort(), 'the next burst runs on the same four backends, none reopened');
});
