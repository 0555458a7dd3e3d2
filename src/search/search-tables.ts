/**
 * Tables owned by src/search.
 *
 * SQLite: `search_fts`, a contentless FTS5 table (rowid = candidate id) with
 * one column per search field plus `ws` (the workspace token); the text is
 * stored pre-tokenized by our own tokenizer (see storage-token.ts).
 *
 * PostgreSQL: `search_documents`, one tsvector per candidate with a GIN index;
 * lexemes are our tokens, plus `~<field code>~<token>` for field filters.
 */
export interface SearchFtsTable {
  rowid: number;
  name: string;
  headline: string;
  title: string;
  currenttitle: string;
  company: string;
  currentcompany: string;
  school: string;
  skill: string;
  location: string;
  summary: string;
  ws: string;
}

export interface SearchDocumentTable {
  id: number;
  workspace_id: string;
  /** tsvector */
  doc: string;
}

export interface SearchTables {
  search_fts: SearchFtsTable;
  search_documents: SearchDocumentTable;
}
