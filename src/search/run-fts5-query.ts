import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { compileFts5, type Fts5Query, type Fts5SetPlan } from './compile-fts5.ts';
import type { QueryNode } from './query-ast.ts';
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

async function matchPage(db: Kysely<Database>, match: string, { limit, offset }: PageOptions): Promise<SearchPage> {
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${match}`.execute(db);
  const total = Number(count.rows[0].n);
  if (limit === 0 || offset >= total) return { total, hits: [] };
  const page = await sql<{ id: number; score: number }>`SELECT rowid AS id, bm25(search_fts, ${bm25Weights}) AS score
    FROM search_fts WHERE search_fts MATCH ${match} ORDER BY score, rowid LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return { total, hits: page.rows.map((r) => ({ id: Number(r.id), score: -Number(r.score) })) };
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
  const page = await sql<{ id: number; score: number | null }>`SELECT s.id AS id, r.score AS score FROM (${matching}) s
    LEFT JOIN (${ranked}) r ON r.id = s.id ORDER BY coalesce(r.score, 0), s.id LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return { total, hits: page.rows.map((r) => ({ id: Number(r.id), score: r.score === null ? 0 : -Number(r.score) })) };
}
