// AES-256-GCM for secrets at rest (SIP passwords, platform credentials).
// The key comes from config and never touches the database; the version prefix
// lets a later key rotation tell old ciphertexts apart.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';

const VERSION = 'v1';
const IV_BYTES = 12; // GCM's standard nonce size

export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('SecretBox key must be 32 bytes (AES-256)');
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || data === undefined) {
        throw new AppError('secret_unreadable', 'Encrypted value has an unknown format');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        // Wrong key or tampered data: GCM's tag check fails. Never echo the value.
        throw new AppError('secret_unreadable', 'Encrypted value cannot be decrypted with the configured SECRETS_KEY');
      }
    },
  };
}
