import { fullName } from '../candidates/candidate.ts';
import { lintBatch, type BatchLintFinding } from './batch-lint.ts';
import { candidateLabel, composeMessage, type ComposeCandidate, type ComposeInput, type ComposeResult } from './compose-message.ts';
import { hasLintErrors } from './lint-finding.ts';

export type BatchComposeInput = Omit<ComposeInput, 'candidate'> & { candidates: readonly ComposeCandidate[] };

export interface BatchComposeItem {
  candidateId: number | null;
  candidate: string;
  result: ComposeResult;
}

export interface BatchComposeSummary {
  total: number;
  composed: number;
  failed: number;
  /** composed messages whose lint has an error */
  withLintErrors: number;
  /** composed messages without any finding */
  clean: number;
  maxLength: number | null;
  byVariant: Record<string, number>;
}

export interface BatchComposeResult {
  items: BatchComposeItem[];
  batchLint: BatchLintFinding[];
  summary: BatchComposeSummary;
}

/** Composes one step for many candidates and lints the batch as a whole. Pure. */
export function composeBatch(input: BatchComposeInput): BatchComposeResult {
  const { candidates, ...rest } = input;
  const items: BatchComposeItem[] = candidates.map((candidate) => ({
    candidateId: candidate.id ?? null,
    candidate: candidateLabel(candidate),
    result: composeMessage({ ...rest, candidate }),
  }));
  const batchLint = lintBatch(
    items.flatMap((item, i) => {
      if (!item.result.ok) return [];
      const c = candidates[i]!;
      return [{ key: item.candidate, body: item.result.body, names: [c.firstName, c.lastName, fullName(c)] }];
    }),
  );
  const ok = items.flatMap((i) => (i.result.ok ? [i.result] : []));
  const byVariant: Record<string, number> = {};
  for (const m of ok) if (m.variant !== null) byVariant[m.variant] = (byVariant[m.variant] ?? 0) + 1;
  return {
    items,
    batchLint,
    summary: {
      total: items.length,
      composed: ok.length,
      failed: items.length - ok.length,
      withLintErrors: ok.filter((m) => hasLintErrors(m.lint)).length,
      clean: ok.filter((m) => m.lint.length === 0).length,
      maxLength: ok.length ? Math.max(...ok.map((m) => m.length)) : null,
      byVariant,
    },
  };
}
