// Bug: the order statement built its rows with `SELECT (jsonb_populate_record(...)).*`,
// which PostgreSQL evaluates once per column: 40 parses of the order's json for
// one row, ~1 ms of every phone order. The plan must call it once per row.
import t from 'tap';
import pg from 'pg';
import { createTestDatabase } from '../helpers/test-db.ts';
import { INSERT_ORDER } from '../../src/repositories/commerce/order-insert.ts';

t.test('the order statement builds each row from its json once', async (t) => {
  const db = await createTestDatabase({ migrated: true });
  t.teardown(() => db.drop());
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  t.teardown(() => c.end());
  await c.query(`PREPARE order_insert AS ${INSERT_ORDER}`);
  const plan = await c.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (VERBOSE) EXECUTE order_insert('r', 'c', NULL, NULL, NULL, NULL, 0, now(), '{}', NULL, NULL, '[]')`,
  );
  const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  t.equal(text.match(/jsonb_populate_record\(NULL::"Order"/g)?.length, 1, 'the order row: one call');
  t.equal(text.match(/jsonb_populate_record\(NULL::"OrderItem"/g)?.length, 1, 'each line: one call');
});
