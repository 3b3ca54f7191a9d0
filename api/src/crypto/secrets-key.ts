// The AES key for secrets at rest. Production passes SECRETS_KEY (config refuses
// to boot without it). The embedded default creates a random key once in
// DATA_DIR, next to the PGlite data it protects, so a fresh clone needs no setup.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiConfig } from '../config.ts';

export async function resolveSecretsKey(config: Pick<ApiConfig, 'secretsKey' | 'dataDir'>): Promise<Buffer> {
  if (config.secretsKey) return Buffer.from(config.secretsKey, 'base64');
  const file = path.join(config.dataDir, 'secrets.key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  await writeFile(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
