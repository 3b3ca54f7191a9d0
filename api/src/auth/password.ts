// Password hashing with Argon2id (@node-rs/argon2: maintained, prebuilt
// binaries shipped in the npm package, no build step). The library's defaults
// follow OWASP's recommendation (19 MiB, 2 iterations); the parameters are
// stored in the hash string, so raising them later keeps old hashes valid.
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash never logs anyone in
  }
}

let dummy: Promise<string> | undefined;
/**
 * A real hash of a random secret, verified when the email is unknown so that a
 * login attempt takes the same time whether or not the account exists.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hash(randomBytes(16).toString('hex'));
  return dummy;
}
