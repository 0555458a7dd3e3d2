import type { CandidateInput } from '../candidates/candidate.ts';
import { queryTerms, type QueryNode } from '../search/query-ast.ts';
import { searchDocumentFor } from '../candidates/candidate-search-document.ts';
import { searchFieldNames } from '../search/search-fields.ts';
import { tokenize } from '../search/tokenize.ts';

/**
 * Plain Okapi BM25 (k1 = 1.2, b = 0.75) over a profile's whole search
 * document, for the positive words of a Boolean query. This is the in-memory
 * baseline the evaluation harness compares against and feeds to the ranker
 * when it ranks a labelled set without a database; stored searches use the
 * search engine's own BM25 (FTS5 / ts_rank).
 */
export interface Bm25Corpus {
  docs: Map<number, { tf: Map<string, number>; length: number }>;
  df: Map<string, number>;
  avgLength: number;
}

export function buildBm25Corpus(profiles: Array<{ id: number; candidate: CandidateInput }>): Bm25Corpus {
  const docs = new Map<number, { tf: Map<string, number>; length: number }>();
  const df = new Map<string, number>();
  let total = 0;
  for (const { id, candidate } of profiles) {
    const doc = searchDocumentFor(candidate);
    const tf = new Map<string, number>();
    let length = 0;
    for (const f of searchFieldNames) {
      if (f === 'currenttitle' || f === 'currentcompany') continue; // counted once, under title and company
      for (const v of doc[f]) for (const t of tokenize(v)) tf.set(t, (tf.get(t) ?? 0) + 1), length++;
    }
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    docs.set(id, { tf, length });
    total += length;
  }
  return { docs, df, avgLength: docs.size ? total / docs.size : 0 };
}

export function queryWords(query: QueryNode): string[] {
  const out = new Set<string>();
  for (const { term, positive } of queryTerms(query)) if (positive && !term.prefix) for (const w of term.words) out.add(w);
  return [...out];
}

export function bm25Score(corpus: Bm25Corpus, id: number, words: string[], k1 = 1.2, b = 0.75): number {
  const doc = corpus.docs.get(id);
  if (!doc) return 0;
  const n = corpus.docs.size;
  let score = 0;
  for (const w of words) {
    const f = doc.tf.get(w) ?? 0;
    if (!f) continue;
    const df = corpus.df.get(w) ?? 0;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    score += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * doc.length) / (corpus.avgLength || 1)));
  }
  return score;
}
