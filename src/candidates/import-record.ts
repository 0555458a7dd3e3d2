import type { CandidateInput, CandidateInputLoose } from './candidate.ts';
import type { PreparedCandidate } from './prepared-candidates.ts';

/**
 * One record on its way into the store: a candidate input, a candidate a
 * worker already normalised and prepared for storage (checked like a
 * normalised input), or why the line could not be read.
 */
export type ImportRecord =
  | { line: number; input: CandidateInputLoose | CandidateInput }
  | { line: number; prepared: PreparedCandidate }
  | { line: number; error: string };

export type ImportFormat = 'jsonresume' | 'csv';

export const importFormats: readonly ImportFormat[] = ['jsonresume', 'csv'];
