// Bug: with the pg pool shared by Prisma and the plain SQL, PostgreSQL closing
// an idle connection (a restart, a failover, an admin) raised an 'error' event
// nobody listened to, and the whole API process crashed.
import t from 'tap';
import pg from 'pg';
import { startTestApi } from '../helpers/test-api.ts';
import { ADMIN_URL } from '../helpers/test-db.ts';

t.test('the API survives PostgreSQL closing its idle connections', async (t) => {
  const api = await startTestApi(t);
  // Prisma's adapter listens on the pool only while Prisma is connected (it is not, between its
  // disconnect and the pool's end at shutdown, or once it has let go): the pool must not depend on it.
  await api.db.prisma.$disconnect();
  // Fill the pool with idle connections.
  await Promise.all(Array.from({ length: 5 }, () => api.db.sql.query({ text: 'SELECT pg_sleep(0.05)' })));
  const database = await api.db.sql.query<{ name: string }>({ text: 'SELECT current_database() AS name' });
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database[0]?.name]);
  await admin.end();
  t.ok(killed.rowCount && killed.rowCount > 0, 'the server closed the API\'s connections');
  await new Promise((r) => setTimeout(r, 200));
  const again = await api.db.sql.query<{ one: number }>({ text: 'SELECT 1 AS one' });
  t.equal(again[0]?.one, 1, 'the next query runs on a fresh connection');
});
