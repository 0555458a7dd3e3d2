import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { compileTsquery } from './compile-tsquery.ts';
import type { QueryNode } from './query-ast.ts';
import type { PageOptions, SearchPage } from './search-page.ts';

/**
 * ts_rank weights for classes D, C, B, A (see pgWeight in search-fields.ts).
 * PostgreSQL has four classes, so company and summary rank alike there.
 */
const rankWeights = '{0.1, 0.3, 0.6, 1.0}';

/** Runs a query on PostgreSQL: total and one page ordered by ts_rank (ties by id). */
export async function runTsqueryQuery(db: Kysely<Database>, query: QueryNode, { workspaceId, limit, offset }: PageOptions): Promise<SearchPage> {
  const tsquery = compileTsquery(query);
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM search_documents
    WHERE workspace_id = ${workspaceId} AND doc @@ ${tsquery}::tsquery`.execute(db);
  const total = Number(count.rows[0].n);
  if (limit === 0 || offset >= total) return { total, hits: [] };
  const page = await sql<{ id: number; score: number }>`SELECT id, ts_rank(${rankWeights}::float4[], doc, ${tsquery}::tsquery) AS score
    FROM search_documents WHERE workspace_id = ${workspaceId} AND doc @@ ${tsquery}::tsquery
    ORDER BY score DESC, id LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return { total, hits: page.rows.map((r) => ({ id: Number(r.id), score: Number(r.score) })) };
}
