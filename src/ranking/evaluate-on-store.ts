import type { Store } from '../db/open-database.ts';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import { rankSorts, type RankSort } from './candidate-score.ts';
import type { LabelledRole } from './labelled-set.ts';
import { ndcgAt, precisionAt } from './ndcg.ts';
import { rankCandidates } from './rank-candidates.ts';

export interface StoreEvaluation {
  roles: Array<{ roleId: string; matches: number; ndcg10: Record<RankSort, number>; precision10: Record<RankSort, number> }>;
  mean: { ndcg10: Record<RankSort, number>; precision10: Record<RankSort, number> };
}

/**
 * The labelled set through the real stack: profiles stored in `store` (an
 * empty workspace), each role ranked by `rankCandidates` with every sort.
 * `relevance` is the search engine's own BM25 order (FTS5 bm25() with field
 * weights on SQLite, ts_rank on PostgreSQL): the "plain BM25" baseline.
 */
export async function evaluateOnStore(store: Store, workspaceId: string, set: LabelledRole[], now: Date): Promise<StoreEvaluation> {
  const labelsByRole: Array<Map<number, number>> = [];
  for (const lr of set) {
    const res = await upsertCandidates(store, workspaceId, lr.profiles.map((p) => normaliseCandidateInput(p.candidate)));
    labelsByRole.push(new Map(res.outcomes.map((o, i) => [o.id, lr.profiles[i].grade as number])));
  }
  const roles: StoreEvaluation['roles'] = [];
  for (let r = 0; r < set.length; r++) {
    const role = set[r].role;
    const labels = labelsByRole[r];
    const ndcg10 = {} as Record<RankSort, number>;
    const precision10 = {} as Record<RankSort, number>;
    let matches = 0;
    for (const sort of rankSorts) {
      const result = await rankCandidates(store, workspaceId, role, { sort, limit: 10, now });
      matches = result.total;
      const ranked = result.results.map((c) => c.candidateId);
      ndcg10[sort] = ndcgAt(ranked, labels, 10);
      precision10[sort] = precisionAt(ranked, labels, 10);
    }
    roles.push({ roleId: role.id ?? role.name, matches, ndcg10, precision10 });
  }
  const mean = { ndcg10: {} as Record<RankSort, number>, precision10: {} as Record<RankSort, number> };
  for (const s of rankSorts) {
    mean.ndcg10[s] = roles.reduce((a, x) => a + x.ndcg10[s], 0) / roles.length;
    mean.precision10[s] = roles.reduce((a, x) => a + x.precision10[s], 0) / roles.length;
  }
  return { roles, mean };
}
