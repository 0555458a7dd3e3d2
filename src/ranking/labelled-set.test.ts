import { describe, expect, it } from 'vitest';
import { documentMatches } from '../search/evaluate-query.ts';
import { parseQueryOrThrow } from '../search/parse-query.ts';
import { searchDocumentFor } from '../candidates/candidate-search-document.ts';
import { candidateInputSchema } from '../candidates/candidate.ts';
import { buildLabelledSet, labelledSetReferenceDate } from './labelled-set.ts';
import { evaluateRanking } from './evaluate-ranking.ts';

const set = buildLabelledSet();

describe('labelled evaluation set', () => {
  it('has 5 roles x 200 valid profiles with every grade, all matching the role query', () => {
    expect(set).toHaveLength(5);
    for (const lr of set) {
      expect(lr.profiles).toHaveLength(200);
      const q = parseQueryOrThrow(lr.role.query);
      for (const p of lr.profiles) {
        expect(candidateInputSchema.safeParse(p.candidate).success).toBe(true);
        expect(documentMatches(q, searchDocumentFor(p.candidate)), `${lr.role.id} ${p.archetype}`).toBe(true);
      }
      expect(new Set(lr.profiles.map((p) => p.grade))).toEqual(new Set([0, 1, 2, 3]));
    }
  });

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(buildLabelledSet(7)[2].profiles.slice(0, 5))).toBe(JSON.stringify(set[2].profiles.slice(0, 5)));
    expect(JSON.stringify(buildLabelledSet(8)[2].profiles.slice(0, 5))).not.toBe(JSON.stringify(set[2].profiles.slice(0, 5)));
  });

  it('the ranker beats plain BM25 on NDCG@10 and precision@10', () => {
    const report = evaluateRanking(set.slice(0, 2), new Date(labelledSetReferenceDate));
    expect(report.mean.ndcg10.priority).toBeGreaterThan(report.mean.ndcg10.bm25);
    expect(report.mean.ndcg10.fit).toBeGreaterThan(report.mean.ndcg10.bm25);
    expect(report.mean.precision10.priority).toBeGreaterThan(report.mean.precision10.bm25);
    // sorting by relevance is plain BM25 order
    expect(report.mean.ndcg10.relevance).toBeCloseTo(report.mean.ndcg10.bm25, 9);
  });

  it('a role query with a LinkedIn flag filter evaluates only the profiles the search would return', () => {
    const [first] = set;
    const pool = first.profiles.length;
    const open = first.profiles.filter((p) => p.candidate.linkedin.openProfile).length;
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(pool);
    const withFlag = { ...first, role: { ...first.role, query: `(${first.role.query}) AND openProfile:true` } };
    expect(evaluateRanking([withFlag], new Date(labelledSetReferenceDate)).roles[0].profiles).toBe(open);
    expect(evaluateRanking([first], new Date(labelledSetReferenceDate)).roles[0].profiles).toBe(pool);
  });
});
