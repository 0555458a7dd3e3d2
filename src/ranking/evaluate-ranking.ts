import { documentMatches } from '../search/evaluate-query.ts';
import { parseQueryOrThrow } from '../search/parse-query.ts';
import { searchDocumentFor } from '../candidates/candidate-search-document.ts';
import type { Candidate } from '../candidates/candidate.ts';
import { scoreCandidate, sortScores, type RankSort } from './candidate-score.ts';
import type { LabelledRole } from './labelled-set.ts';
import { ndcgAt, precisionAt } from './ndcg.ts';
import { bm25Score, buildBm25Corpus, queryWords } from './memory-bm25.ts';
import { priorRankingModel, type RankingModel } from './ranking-model.ts';
import { resolveRole } from './resolved-role.ts';

export interface RoleFigures {
  roleId: string;
  profiles: number;
  ndcg10: Record<'bm25' | RankSort, number>;
  precision10: Record<'bm25' | RankSort, number>;
}

export interface EvaluationReport {
  roles: RoleFigures[];
  mean: { ndcg10: Record<'bm25' | RankSort, number>; precision10: Record<'bm25' | RankSort, number> };
}

const orders = ['bm25', 'priority', 'fit', 'reply', 'relevance'] as const;

/**
 * Ranks each labelled role's pool with plain BM25 and with the ranker
 * (priority, fit, reply, relevance sorts) and measures NDCG@10 and
 * precision@10 (share of grade >= 2 in the top 10). Pure: BM25 is computed in
 * memory over the whole labelled set as the corpus.
 */
export function evaluateRanking(set: LabelledRole[], now: Date, model: RankingModel = priorRankingModel()): EvaluationReport {
  const all: Array<{ id: number; candidate: Candidate }> = [];
  let nextId = 1;
  const perRole = set.map((lr) => {
    const items = lr.profiles.map((p) => {
      const id = nextId++;
      const candidate: Candidate = { ...p.candidate, id, workspaceId: 'eval', importedAt: '', updatedAt: '' };
      all.push({ id, candidate });
      return { id, candidate, grade: p.grade };
    });
    return { lr, items };
  });
  const corpus = buildBm25Corpus(all);
  const roles: RoleFigures[] = perRole.map(({ lr, items }) => {
    const query = parseQueryOrThrow(lr.role.query);
    // the candidate's LinkedIn flags too, so a role query with openProfile:/openToWork:/degree: filters as the search does
    const matching = items.filter((it) => documentMatches(query, searchDocumentFor(it.candidate), it.candidate.linkedin));
    const words = queryWords(query);
    const bm25 = new Map(matching.map((it) => [it.id, bm25Score(corpus, it.id, words)]));
    const max = Math.max(1e-9, ...bm25.values());
    const labels = new Map(items.map((it) => [it.id, it.grade as number]));
    const role = resolveRole(lr.role);
    const scored = matching.map((it) => scoreCandidate(it.candidate, role, null, model, { now, relevance: bm25.get(it.id)! / max, explain: false }));
    const ndcg10 = {} as RoleFigures['ndcg10'];
    const precision10 = {} as RoleFigures['precision10'];
    for (const o of orders) {
      const ranked = o === 'bm25' ? [...matching].sort((a, b) => bm25.get(b.id)! - bm25.get(a.id)! || a.id - b.id).map((x) => x.id) : sortScores(scored, o).map((s) => s.candidateId);
      ndcg10[o] = ndcgAt(ranked, labels, 10);
      precision10[o] = precisionAt(ranked, labels, 10);
    }
    return { roleId: lr.role.id ?? lr.role.name, profiles: matching.length, ndcg10, precision10 };
  });
  const mean = { ndcg10: {} as RoleFigures['ndcg10'], precision10: {} as RoleFigures['precision10'] };
  for (const o of orders) {
    mean.ndcg10[o] = roles.reduce((s, r) => s + r.ndcg10[o], 0) / Math.max(1, roles.length);
    mean.precision10[o] = roles.reduce((s, r) => s + r.precision10[o], 0) / Math.max(1, roles.length);
  }
  return { roles, mean };
}
