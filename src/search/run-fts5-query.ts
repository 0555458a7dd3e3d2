import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { compileFts5, type Fts5Query, type Fts5SetPlan } from './compile-fts5.ts';
import { mixedConditionSql } from './flag-condition-sql.ts';
import { flagQueryPlan, type MixedNode } from './mixed-query.ts';
import { hasFlags, type QueryNode } from './query-ast.ts';
import { searchFields } from './search-fields.ts';
import { workspaceToken } from './storage-token.ts';
import type { PageOptions, SearchPage } from './search-page.ts';

/** bm25() column weights in table column order; the workspace column never scores. */
export const bm25WeightList = [...searchFields.map((f) => f.weight), 0].map((w) => w.toFixed(1)).join(', ');
const bm25Weights = sql.raw(bm25WeightList);

/**
 * Runs a query on SQLite FTS5: the total and one page ordered by BM25 with
 * field weights (best first, ties by id). When the database holds only this
 * workspace's candidates the workspace condition is left out (it would only
 * cost time); otherwise the match is ANDed with the workspace token.
 */
export async function runFts5Query(db: Kysely<Database>, query: QueryNode, options: PageOptions): Promise<SearchPage> {
  if (hasFlags(query)) return flagsPage(db, query, options);
  const compiled = compileFts5(query);
  const shared = await otherWorkspacesExist(db, options.workspaceId);
  const inWorkspace = (expr: string) => (shared ? `(${expr}) AND ws : "${workspaceToken(options.workspaceId)}"` : expr);
  switch (compiled.kind) {
    case 'match':
      return matchPage(db, inWorkspace(compiled.expr), options);
    case 'complement':
      return complementPage(db, inWorkspace(compiled.expr), options);
    case 'sets':
      return setsPage(db, compiled, options);
  }
}

/** Whether any candidate belongs to another workspace (two index seeks). */
export async function otherWorkspacesExist(db: Kysely<Database>, workspaceId: string): Promise<boolean> {
  const r = await sql<{ other: number }>`SELECT (EXISTS (SELECT 1 FROM candidates WHERE workspace_id < ${workspaceId})
    OR EXISTS (SELECT 1 FROM candidates WHERE workspace_id > ${workspaceId})) AS other`.execute(db);
  return Number(r.rows[0]?.other) === 1;
}

/**
 * Count and page in one pass: BM25 has to be computed for every match anyway
 * (to find the best), so the matches are materialized once with their score
 * and counted from there, instead of a second full FTS5 pass just to count
 * (which for phrases re-checks every position). Same order as before: score,
 * then id.
 */
async function matchPage(db: Kysely<Database>, match: string, { limit, offset }: PageOptions): Promise<SearchPage> {
  if (limit === 0) return { total: await matchCount(db, match), hits: [] };
  const page = await sql<{ id: number; score: number; n: number }>`WITH m AS MATERIALIZED (
      SELECT rowid AS id, bm25(search_fts, ${bm25Weights}) AS score FROM search_fts WHERE search_fts MATCH ${match})
    SELECT id, score, (SELECT count(*) FROM m) AS n FROM m ORDER BY score, id LIMIT ${limit} OFFSET ${offset}`.execute(db);
  // an offset past the end returns no row to read the count from
  const total = page.rows.length ? Number(page.rows[0].n) : offset > 0 ? await matchCount(db, match) : 0;
  return { total, hits: page.rows.map((r) => ({ id: Number(r.id), score: -Number(r.score) })) };
}

async function matchCount(db: Kysely<Database>, match: string): Promise<number> {
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${match}`.execute(db);
  return Number(count.rows[0].n);
}

/**
 * Every candidate of the workspace except those matching, in id order (there
 * is nothing to rank). The matches are materialized once (NOT IN), and the
 * candidates are walked in primary-key order (`+workspace_id` keeps SQLite
 * from sorting the workspace index instead), stopping after one page.
 */
async function complementPage(db: Kysely<Database>, match: string, { workspaceId, limit, offset }: PageOptions): Promise<SearchPage> {
  const count = await sql<{ n: number }>`SELECT (SELECT count(*) FROM candidates WHERE workspace_id = ${workspaceId})
    - (SELECT count(*) FROM search_fts WHERE search_fts MATCH ${match}) AS n`.execute(db);
  const total = Number(count.rows[0].n);
  if (limit === 0 || offset >= total) return { total, hits: [] };
  const page = await sql<{ id: number }>`SELECT c.id AS id FROM candidates c WHERE +c.workspace_id = ${workspaceId}
    AND c.id NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${match})
    ORDER BY c.id LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return { total, hits: page.rows.map((r) => ({ id: Number(r.id), score: 0 })) };
}

function setSql(plan: Fts5SetPlan, workspaceId: string): RawBuilder<unknown> {
  switch (plan.op) {
    case 'match':
      return sql`SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${plan.expr}`;
    case 'all':
      return sql`SELECT id FROM candidates WHERE workspace_id = ${workspaceId}`;
    case 'except':
      return sql`SELECT id FROM (${setSql(plan.left, workspaceId)}) EXCEPT SELECT id FROM (${setSql(plan.right, workspaceId)})`;
    case 'intersect':
    case 'union':
      return sql.join(
        plan.parts.map((p) => sql`SELECT id FROM (${setSql(p, workspaceId)})`),
        sql.raw(plan.op === 'intersect' ? ' INTERSECT ' : ' UNION '),
      );
  }
}

/** A query too deep for one FTS5 expression: set operations in SQL, ranked by BM25 of its positive terms. */
async function setsPage(db: Kysely<Database>, q: Extract<Fts5Query, { kind: 'sets' }>, { workspaceId, limit, offset }: PageOptions): Promise<SearchPage> {
  const matching = sql`SELECT id FROM (${setSql(q.plan, workspaceId)}) INTERSECT SELECT id FROM candidates WHERE workspace_id = ${workspaceId}`;
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM (${matching})`.execute(db);
  const total = Number(count.rows[0].n);
  if (limit === 0 || offset >= total) return { total, hits: [] };
  const ranked = q.rankExpr
    ? sql`SELECT rowid AS id, bm25(search_fts, ${bm25Weights}) AS score FROM search_fts WHERE search_fts MATCH ${q.rankExpr}`
    : sql`SELECT NULL AS id, NULL AS score WHERE 0`;
  // both sides materialized once, so the join probes an index instead of re-running FTS5 per match
  const page = await sql<{ id: number; score: number | null }>`WITH s AS MATERIALIZED (${matching}), r AS MATERIALIZED (${ranked})
    SELECT s.id AS id, r.score AS score FROM s LEFT JOIN r ON r.id = s.id ORDER BY coalesce(r.score, 0), s.id LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return { total, hits: page.rows.map((r) => ({ id: Number(r.id), score: r.score === null ? 0 : -Number(r.score) })) };
}

/** A flag-free part of a query as a condition on candidate `c`. */
function textConditionSql(query: QueryNode, workspaceId: string): RawBuilder<unknown> {
  const compiled = compileFts5(query);
  switch (compiled.kind) {
    case 'match':
      return sql`c.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${compiled.expr})`;
    case 'complement':
      return sql`c.id NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${compiled.expr})`;
    case 'sets':
      return sql`c.id IN (${setSql(compiled.plan, workspaceId)})`;
  }
}

function conditionSql(node: MixedNode, workspaceId: string): RawBuilder<unknown> {
  return mixedConditionSql(node, (query) => textConditionSql(query, workspaceId));
}

/**
 * A query with flag filters (`java openProfile:true`). With a text part
 * AND-ed at the top that FTS5 can match in one expression, FTS5 finds and
 * ranks and the candidate row is checked for the rest; otherwise the
 * workspace's candidates are filtered and ranked by the positive terms.
 */
async function flagsPage(db: Kysely<Database>, query: QueryNode, { workspaceId, limit, offset }: PageOptions): Promise<SearchPage> {
  const plan = flagQueryPlan(query);
  const condition = conditionSql(plan.condition, workspaceId);
  const driver = plan.driver ? compileFts5(plan.driver) : null;
  // the flags come from the narrow covering index (migration 0008), not from the wide candidate rows
  const candidates = sql`candidates c INDEXED BY candidates_search_flags`;
  if (driver?.kind === 'match') {
    const page = await sql<{ id: number; score: number; n: number }>`WITH m AS MATERIALIZED (
        SELECT search_fts.rowid AS id, bm25(search_fts, ${bm25Weights}) AS score FROM search_fts JOIN ${candidates} ON c.id = search_fts.rowid
        WHERE search_fts MATCH ${driver.expr} AND c.workspace_id = ${workspaceId} AND ${condition})
      SELECT id, score, (SELECT count(*) FROM m) AS n FROM m ORDER BY score, id LIMIT ${limit} OFFSET ${offset}`.execute(db);
    return pageFrom(db, page.rows, query, { workspaceId, limit, offset });
  }
  const all = plan.driver ? sql`${textConditionSql(plan.driver, workspaceId)} AND ${condition}` : condition;
  const rankExpr = plan.rankTerms ? compileFts5(plan.rankTerms) : null;
  const ranked =
    rankExpr?.kind === 'match'
      ? sql`SELECT rowid AS id, bm25(search_fts, ${bm25Weights}) AS score FROM search_fts WHERE search_fts MATCH ${rankExpr.expr}`
      : sql`SELECT NULL AS id, NULL AS score WHERE 0`;
  // both sides materialized once; the join then probes an automatic index instead of re-running FTS5 per candidate
  const page = await sql<{ id: number; score: number | null; n: number }>`WITH s AS MATERIALIZED (
      SELECT c.id AS id FROM ${candidates} WHERE c.workspace_id = ${workspaceId} AND ${all}),
    r AS MATERIALIZED (${ranked})
    SELECT s.id AS id, r.score AS score, (SELECT count(*) FROM s) AS n FROM s LEFT JOIN r ON r.id = s.id
    ORDER BY coalesce(r.score, 0), s.id LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return pageFrom(db, page.rows, query, { workspaceId, limit, offset });
}

/** A page read together with the total; past the end (or with limit 0) the total is counted on its own. */
async function pageFrom(
  db: Kysely<Database>,
  rows: Array<{ id: number; score: number | null; n: number }>,
  query: QueryNode,
  options: PageOptions,
): Promise<SearchPage> {
  if (rows.length === 0 && (options.offset > 0 || options.limit === 0)) {
    const all = await flagsPage(db, query, { ...options, limit: 1, offset: 0 });
    return { total: all.total, hits: [] };
  }
  return { total: rows.length ? Number(rows[0].n) : 0, hits: rows.map((r) => ({ id: Number(r.id), score: r.score === null ? 0 : -Number(r.score) })) };
}
