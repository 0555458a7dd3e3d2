import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { compileTsquery } from './compile-tsquery.ts';
import { mixedConditionSql } from './flag-condition-sql.ts';
import { flagQueryPlan, type MixedNode } from './mixed-query.ts';
import { hasFlags, type QueryNode } from './query-ast.ts';
import type { PageOptions, SearchPage } from './search-page.ts';

/**
 * ts_rank weights for classes D, C, B, A (see pgWeight in search-fields.ts).
 * PostgreSQL has four classes, so company and summary rank alike there.
 */
const rankWeights = '{0.1, 0.3, 0.6, 1.0}';

/** Runs a query on PostgreSQL: total and one page ordered by ts_rank (ties by id). */
export async function runTsqueryQuery(db: Kysely<Database>, query: QueryNode, { workspaceId, limit, offset }: PageOptions): Promise<SearchPage> {
  if (hasFlags(query)) return flagsPage(db, query, { workspaceId, limit, offset });
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

/**
 * A text part inside the flag conditions is a set of ids found once through
 * the GIN index (a hashed subplan), not `doc @@` tested on every candidate:
 * under OR the planner would otherwise read every profile's tsvector.
 */
function conditionSql(node: MixedNode, workspaceId: string): RawBuilder<unknown> {
  return mixedConditionSql(node, (query) => sql`c.id IN (SELECT id FROM search_documents WHERE workspace_id = ${workspaceId} AND doc @@ ${compileTsquery(query)}::tsquery)`);
}

/**
 * A query with flag filters: the text parts are tsquery matches and the flags
 * conditions on the candidate row. With a text part AND-ed at the top
 * (`java` in `java openProfile:true`), the GIN index finds it and it ranks;
 * otherwise the workspace's candidates are filtered and only those holding
 * the query's positive terms are given a ts_rank (the rest score 0).
 */
async function flagsPage(db: Kysely<Database>, query: QueryNode, { workspaceId, limit, offset }: PageOptions): Promise<SearchPage> {
  const plan = flagQueryPlan(query);
  const condition = conditionSql(plan.condition, workspaceId);
  if (plan.driver) {
    const tsquery = compileTsquery(plan.driver);
    const from = sql`FROM search_documents d JOIN candidates c ON c.id = d.id
      WHERE d.workspace_id = ${workspaceId} AND d.doc @@ ${tsquery}::tsquery AND ${condition}`;
    const count = await sql<{ n: number }>`SELECT count(*) AS n ${from}`.execute(db);
    const total = Number(count.rows[0].n);
    if (limit === 0 || offset >= total) return { total, hits: [] };
    const page = await sql<{ id: number; score: number }>`SELECT d.id AS id, ts_rank(${rankWeights}::float4[], d.doc, ${tsquery}::tsquery) AS score ${from}
      ORDER BY score DESC, id LIMIT ${limit} OFFSET ${offset}`.execute(db);
    return { total, hits: page.rows.map((r) => ({ id: Number(r.id), score: Number(r.score) })) };
  }
  const matching = sql`SELECT c.id AS id FROM candidates c WHERE c.workspace_id = ${workspaceId} AND ${condition}`;
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM (${matching}) s`.execute(db);
  const total = Number(count.rows[0].n);
  if (limit === 0 || offset >= total) return { total, hits: [] };
  const rankq = plan.rankTerms ? compileTsquery(plan.rankTerms) : null;
  const ranked = rankq
    ? sql`SELECT id, ts_rank(${rankWeights}::float4[], doc, ${rankq}::tsquery) AS score FROM search_documents WHERE workspace_id = ${workspaceId} AND doc @@ ${rankq}::tsquery`
    : sql`SELECT NULL::bigint AS id, NULL::float4 AS score WHERE false`;
  const page = await sql<{ id: number; score: number }>`SELECT s.id AS id, coalesce(r.score, 0) AS score FROM (${matching}) s
    LEFT JOIN (${ranked}) r ON r.id = s.id ORDER BY score DESC, s.id LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return { total, hits: page.rows.map((r) => ({ id: Number(r.id), score: Number(r.score) })) };
}
