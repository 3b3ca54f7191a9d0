// `npm run db:seed`: adds the demo restaurant to the database the config points
// at (DATABASE_URL, or the embedded PGlite). Safe to run again: an existing demo
// is left exactly as it is.
import { loadConfigOrExit } from '../config.ts';
import { openDatabase, type PrismaClient } from '../db/database.ts';
import { resolveSecretsKey } from '../crypto/secrets-key.ts';
import { createSecretBox } from '../crypto/secret-box.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { DEMO_ADMIN, DEMO_OWNER, DEMO_SLUG, seedDemo } from './demo-seed.ts';

const MIGRATE_HINT = 'The database has no VoiceOrder tables yet: run `npm run db:migrate` first.';

/** Checked up front so an unmigrated database gets a hint, not a Prisma stack trace. */
async function hasSchema(prisma: PrismaClient): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('"Restaurant"') IS NOT NULL AS ok`;
  return rows[0]?.ok === true;
}

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  const db = await openDatabase(config.database);
  try {
    if (!(await hasSchema(db.prisma))) {
      console.error(MIGRATE_HINT);
      return 1;
    }
    const secretBox = createSecretBox(await resolveSecretsKey(config));
    const started = performance.now();
    const result = await seedDemo(db.prisma, { now: new Date(), secretBox });
    const ms = Math.round(performance.now() - started);
    console.log(result.created
      ? `Demo restaurant "${DEMO_SLUG}" created in ${ms} ms (${db.kind}).`
      : `Demo restaurant "${DEMO_SLUG}" already there: nothing changed.`);
    console.log(`Owner login:    ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
    console.log(`Platform admin: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
    return 0;
  } catch (err) {
    // A migration history that stops short of a table the seed needs.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2021') {
      console.error(`${MIGRATE_HINT} (${err.message.trim().split('\n').at(-1) ?? ''})`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
