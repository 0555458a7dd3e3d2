import { zodIssuesText } from '../core/zod-issues.ts';
import type { CandidateInput, CandidateInputLoose } from './candidate.ts';
import { normaliseCandidateInput } from './candidate-store.ts';

/** Validation in words: the zod issues of a record, each naming its field. */
export function importErrorReason(err: unknown): string {
  const issues = (err as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
  if (Array.isArray(issues)) return zodIssuesText(issues, 'record');
  return err instanceof Error ? err.message : String(err);
}

/**
 * A read record's input as the import stores it: normalised (unless it
 * already is) and identifiable, or the reason it is skipped.
 */
export function checkedImportInput(input: CandidateInputLoose | CandidateInput, normalised: boolean): { input: CandidateInput } | { reason: string } {
  let c: CandidateInput;
  try {
    c = normalised ? (input as CandidateInput) : normaliseCandidateInput(input);
  } catch (err) {
    return { reason: importErrorReason(err) };
  }
  if (!(c.name.trim() !== '' || c.profileUrl !== null || c.emails.length > 0)) {
    return { reason: 'no name, profile URL or valid email: nothing to identify the candidate by' };
  }
  return { input: c };
}
