import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { compileTsquery } from './compile-tsquery.ts';
import { flagConditionSql } from './flag-condition-sql.ts';
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

function conditionSql(node: MixedNode): RawBuilder<unknown> {
  switch (node.kind) {
    case 'text':
      return sql`d.doc @@ ${compileTsquery(node.query)}::tsquery`;
    case 'flag':
      return flagConditionSql(node);
    case 'not':
      return sql`NOT (${conditionSql(node.child)})`;
    case 'and':
    case 'or':
      return sql`(${sql.join(
        node.children.map((c) => sql`(${conditionSql(c)})`),
        sql.raw(node.kind === 'and' ? ' AND ' : ' OR '),
      )})`;
  }
}

/**
 * A query with flag filters: the text parts are tsquery matches and the flags
 * conditions on the joined candidate row. Ranked by the text part AND-ed at
 * the top (`java` in `java openProfile:true`), else by the positive terms.
 */
async function flagsPage(db: Kysely<Database>, query: QueryNode, { workspaceId, limit, offset }: PageOptions): Promise<SearchPage> {
  const plan = flagQueryPlan(query);
  const driver = plan.driver ? sql`d.doc @@ ${compileTsquery(plan.driver)}::tsquery AND ` : sql``;
  const from = sql`FROM search_documents d JOIN candidates c ON c.id = d.id
    WHERE d.workspace_id = ${workspaceId} AND ${driver}${conditionSql(plan.condition)}`;
  const count = await sql<{ n: number }>`SELECT count(*) AS n ${from}`.execute(db);
  const total = Number(count.rows[0].n);
  if (limit === 0 || offset >= total) return { total, hits: [] };
  const rankBy = plan.driver ?? plan.rankTerms;
  const score = rankBy ? sql`ts_rank(${rankWeights}::float4[], d.doc, ${compileTsquery(rankBy)}::tsquery)` : sql`0::float4`;
  const page = await sql<{ id: number; score: number }>`SELECT d.id AS id, ${score} AS score ${from}
    ORDER BY score DESC, id LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return { total, hits: page.rows.map((r) => ({ id: Number(r.id), score: Number(r.score) })) };
}
