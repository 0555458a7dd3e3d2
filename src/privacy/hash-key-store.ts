import type { Database, Db } from '../db/schema.ts';
import { newHashKey } from './person-key-hash.ts';


/** The workspace's key for hashed suppression entries, or null when none was made yet (nobody was erased). */
export async function loadHashKey(db: Db, workspaceId: string): Promise<Buffer | null> {
  const row = await db.selectFrom('privacy_hash_keys').select('hash_key').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row ? Buffer.from(row.hash_key, 'base64url') : null;
}

/** The key, made on first use; two writers racing both end up with the one that was stored first. */
export async function ensureHashKey(db: Db, workspaceId: string, now: string): Promise<Buffer> {
  const existing = await loadHashKey(db, workspaceId);
  if (existing) return existing;
  await db
    .insertInto('privacy_hash_keys')
    .values({ workspace_id: workspaceId, hash_key: newHashKey().toString('base64url'), created_at: now })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
  return (await loadHashKey(db, workspaceId))!;
}
