// Read by the prisma CLI (generate, and migrate deploy where a machine can reach
// Prisma's engine host). The app itself never reads this file.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx api/src/seed/seed-cli.ts' },
  // env('DATABASE_URL') would make `generate` fail when the variable is unset.
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
