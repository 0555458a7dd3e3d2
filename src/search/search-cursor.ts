import { createHash } from 'node:crypto';
import { AppError } from '../core/app-error.ts';

/**
 * API pagination cursors: opaque to clients, they carry the next offset and a
 * fingerprint of the query they belong to, so a cursor is never applied to a
 * different query by mistake.
 */
export function encodeCursor(offset: number, queryKey: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: fingerprint(queryKey) })).toString('base64url');
}

export function decodeCursor(cursor: string, queryKey: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('invalid_input', 'the cursor is not one this API returned');
  }
  const { o, q } = (parsed ?? {}) as { o?: unknown; q?: unknown };
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || typeof q !== 'string') {
    throw new AppError('invalid_input', 'the cursor is not one this API returned');
  }
  if (q !== fingerprint(queryKey)) throw new AppError('invalid_input', 'the cursor belongs to a different query; start again without a cursor');
  return o;
}

function fingerprint(queryKey: string): string {
  return createHash('sha256').update(queryKey).digest('base64url').slice(0, 12);
}
