import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../core/app-error.ts';

/**
 * Secrets at rest (SMTP passwords, webhook secrets): AES-256-GCM with a
 * 96-bit random nonce, as `enc:v1:<nonce>:<ciphertext+tag>` in base64url.
 * The key is derived (HKDF-SHA256) from the server's master key for this one
 * purpose, so the same master key can also seed the session secret without
 * the two ever being equal.
 */
const prefix = 'enc:v1:';

export function deriveKey(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `scoutline:${purpose}`, 32));
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(prefix);
}

export function sealSecret(plain: string, key: Buffer, context: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  // the context (which setting it is) is authenticated: a sealed SMTP password cannot be replayed as a webhook secret
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${prefix}${nonce.toString('base64url')}:${body.toString('base64url')}`;
}

export function openSecret(sealed: string, key: Buffer, context: string): string {
  if (!isSealed(sealed)) throw new AppError('config_error', `setting ${context} is not an encrypted value`);
  const [nonceText, bodyText] = sealed.slice(prefix.length).split(':');
  const nonce = Buffer.from(nonceText ?? '', 'base64url');
  const body = Buffer.from(bodyText ?? '', 'base64url');
  if (nonce.length !== 12 || body.length < 16) throw new AppError('config_error', `setting ${context} is a damaged encrypted value`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('config_error', `setting ${context} cannot be decrypted with this server's key (was the key file or SCOUTLINE_SECRET_KEY changed?)`);
  }
}
