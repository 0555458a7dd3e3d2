import type { Kysely } from 'kysely';
import type { Database, Dialect } from '../db/schema.ts';
import type { QueryNode } from './query-ast.ts';
import { runFts5Query } from './run-fts5-query.ts';
import { runTsqueryQuery } from './run-tsquery-query.ts';
import type { PageOptions, SearchPage } from './search-page.ts';

/** Runs a parsed query on whichever backend the store uses. */
export function runSearchQuery(store: { db: Kysely<Database>; dialect: Dialect }, query: QueryNode, options: PageOptions): Promise<SearchPage> {
  return store.dialect === 'sqlite' ? runFts5Query(store.db, query, options) : runTsqueryQuery(store.db, query, options);
}
