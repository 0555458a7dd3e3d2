import { sql, type Kysely } from 'kysely';
import { rowToCandidate } from './candidate-store.ts';
import { searchDocumentFor } from './candidate-search-document.ts';
import type { Database, Dialect } from '../db/schema.ts';
import { indexCandidates } from '../search/search-index.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';

/**
 * Rebuilds the whole index from the candidates table, in batches: after the
 * protected token list or the field table changed, or to repair an index.
 */
export async function rebuildSearchIndex(
  store: { db: Kysely<Database>; dialect: Dialect },
  onProgress?: (indexed: number) => void,
): Promise<number> {
  const { db, dialect } = store;
  if (dialect === 'sqlite') await sql`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`.execute(db);
  else await db.deleteFrom('search_documents').execute();
  let lastId = 0;
  let indexed = 0;
  for (;;) {
    const rows = await db.selectFrom('candidates').selectAll().where('id', '>', lastId).orderBy('id').limit(2000).execute();
    if (rows.length === 0) break;
    await withWriteTransaction(store, (trx) =>
      indexCandidates(
        trx,
        dialect,
        rows.map((r) => ({ id: Number(r.id), workspaceId: r.workspace_id, document: searchDocumentFor(rowToCandidate(r)) })),
      ),
    );
    lastId = Number(rows[rows.length - 1].id);
    indexed += rows.length;
    onProgress?.(indexed);
  }
  return indexed;
}
