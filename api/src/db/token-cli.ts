// `npm run token:create -- --kind controller [--restaurant <slug>] [--name …]`:
// the first service token, written straight into the database, for an
// operator who has DB access but no dashboard login yet. The token is printed
// once; only its SHA-256 is stored.
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config.ts';
import { openDatabase } from './database.ts';
import { apiTokenAdminRepository } from '../repositories/provisioning/api-token-repository.ts';
import { apiTokenService } from '../services/provisioning/api-token-service.ts';
import { ApiTokenKindSchema } from '../contract/provisioning.ts';

const USAGE = 'usage: npm run token:create -- --kind controller|cli|integration [--restaurant <slug>] [--name <text>]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { kind: { type: 'string' }, restaurant: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } } }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const kind = ApiTokenKindSchema.safeParse(args.kind);
  if (!kind.success) {
    console.error(`--kind must be controller, cli or integration\n${USAGE}`);
    return 1;
  }
  const config = loadConfigOrExit();
  const db = await openDatabase(config.database);
  try {
    const tokens = apiTokenService(apiTokenAdminRepository(db.prisma));
    const restaurantId = args.restaurant === undefined ? null : await tokens.restaurantIdBySlug(args.restaurant);
    if (args.restaurant !== undefined && restaurantId === null) {
      console.error(`No restaurant with the slug "${args.restaurant}".`);
      return 1;
    }
    const name = args.name ?? `${kind.data} (created from the command line)`;
    const created = await tokens.create({ name, kind: kind.data, restaurantId, createdById: null, expiresAt: null }, new Date());
    console.log(`Created ${created.kind} token "${created.name}" for ${args.restaurant ?? 'every restaurant'}.`);
    console.log('Store it now, it is not shown again:');
    console.log(created.token);
    return 0;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
