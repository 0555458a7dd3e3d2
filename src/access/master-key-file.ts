import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../core/app-error.ts';

/**
 * The server's master key (32 bytes): SCOUTLINE_SECRET_KEY (base64 or hex)
 * when set, else the key file (SCOUTLINE_KEY_FILE; by default `secret.key`
 * beside the SQLite file, or ./data/secret.key with PostgreSQL) created on first start with mode 0600. It encrypts stored secrets and
 * signs sessions; losing it signs everyone out and makes stored secrets
 * unreadable, so back it up with the database (docs/security.md).
 */
export const defaultKeyFile = './data/secret.key';

export function loadMasterKey(defaultFile: string = defaultKeyFile, env: NodeJS.ProcessEnv = process.env): { key: Buffer; source: string } {
  const fromEnv = env.SCOUTLINE_SECRET_KEY;
  if (fromEnv) return { key: decodeKey(fromEnv, 'SCOUTLINE_SECRET_KEY'), source: 'SCOUTLINE_SECRET_KEY' };
  const file = resolve(env.SCOUTLINE_KEY_FILE || defaultFile);
  if (existsSync(file)) return { key: decodeKey(readFileSync(file, 'utf8').trim(), file), source: file };
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  // 'wx': never overwrite a key another process wrote a moment ago
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { key: decodeKey(readFileSync(file, 'utf8').trim(), file), source: file };
    throw new AppError('config_error', `could not create the key file ${file}: ${(err as Error).message}`);
  }
  return { key, source: file };
}

function decodeKey(text: string, where: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new AppError('config_error', `${where} must hold a 32-byte key in base64 or hex (got ${key.length} bytes)`);
  return key;
}
