// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the
// embedded PGlite), offline, one transaction per migration.
import { loadConfigOrExit } from '../config.ts';
import { openDatabase } from './database.ts';
import { migrate } from './migrator.ts';

import { MIGRATIONS_DIR } from './paths.ts';

const config = loadConfigOrExit();
const db = await openDatabase(config.database);
const runner = await db.openRunner();
try {
  const r = await migrate(runner, MIGRATIONS_DIR);
  for (const name of r.applied) console.log(`applied  ${name}`);
  for (const name of r.modified) console.warn(`warning: ${name} was edited after it was applied`);
  console.log(r.applied.length ? `${r.applied.length} migration(s) applied` : `database is up to date (${r.alreadyApplied.length} applied)`);
} finally {
  await runner.close();
  await db.close();
}
