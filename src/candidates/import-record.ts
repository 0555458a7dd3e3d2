import type { CandidateInput, CandidateInputLoose } from './candidate.ts';

/** One record on its way into the store: a candidate input, or why the line could not be read. */
export type ImportRecord = { line: number; input: CandidateInputLoose | CandidateInput } | { line: number; error: string };

export type ImportFormat = 'jsonresume' | 'csv';

export const importFormats: readonly ImportFormat[] = ['jsonresume', 'csv'];
