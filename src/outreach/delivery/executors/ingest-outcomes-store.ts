import { AppError, toAppError } from '../../../core/app-error.ts';
import { requireCandidate } from '../../../candidates/candidate-store.ts';
import type { ErrorCode } from '../../../core/error-codes.ts';
import type { Store } from '../../../db/open-database.ts';
import { canonicalProfileUrl, normaliseEmail } from '../../../candidates/profile-url.ts';
import type { OutcomeReport } from '../executor.ts';
import { candidateRefOf, toOutcomeReport, type CandidateRef, type ParsedOutcome } from './outcome-input.ts';

/**
 * Applies received outcomes (inbound webhook, CSV import) one by one: find
 * the candidate, build the OutcomeReport and hand it to `apply` (the outreach
 * engine's applyOutcome, which advances the state machine and refunds InMail
 * replies). One bad row never stops the others; each gets its own result.
 * An outcome whose id was applied before (apply-outcome.ts) is `ok` with
 * `duplicate: true` and counted in `duplicates`, not in `applied`.
 */
export type ApplyOutcome = (store: Store, workspaceId: string, report: OutcomeReport) => Promise<{ duplicate?: boolean } | unknown>;

export interface IngestItem {
  /** the line (CSV) or index (webhook) the outcome came from */
  ref: number;
  outcome: ParsedOutcome;
}

export type IngestResult =
  | { ref: number; ok: true; candidateId: number; kind: OutcomeReport['kind']; duplicate?: true }
  | { ref: number; ok: false; code: ErrorCode; message: string };

export interface IngestSummary {
  /** outcomes applied now (duplicates not included) */
  applied: number;
  /** outcomes whose id had been applied before: nothing changed */
  duplicates: number;
  failed: number;
  results: IngestResult[];
}

/** The candidate id a reference names in this workspace: the id itself (checked), else the profile URL, else the email. */
export async function resolveCandidateRef(store: Store, workspaceId: string, ref: CandidateRef): Promise<number> {
  if (ref.candidateId !== undefined) {
    await requireCandidate(store, workspaceId, ref.candidateId);
    return ref.candidateId;
  }
  if (ref.profileUrl !== undefined) {
    const url = canonicalProfileUrl(ref.profileUrl);
    if (!url) throw new AppError('invalid_input', `not a profile URL: ${JSON.stringify(ref.profileUrl)}`);
    const row = await store.db.selectFrom('candidates').select('id').where('workspace_id', '=', workspaceId).where('profile_url', '=', url).executeTakeFirst();
    if (!row) throw new AppError('not_found', `no candidate with profile ${url}`, { profileUrl: url });
    return Number(row.id);
  }
  if (ref.email !== undefined) {
    const email = normaliseEmail(ref.email);
    if (!email) throw new AppError('invalid_input', `not an email address: ${JSON.stringify(ref.email)}`);
    const row = await store.db.selectFrom('candidate_emails').select('candidate_id').where('workspace_id', '=', workspaceId).where('email', '=', email).executeTakeFirst();
    if (!row) throw new AppError('not_found', `no candidate with email ${email}`, { email });
    return Number(row.candidate_id);
  }
  throw new AppError('invalid_input', 'name the candidate: candidateId, profileUrl or email');
}

export async function ingestOutcomes(
  store: Store,
  workspaceId: string,
  items: readonly IngestItem[],
  source: OutcomeReport['source'],
  apply: ApplyOutcome,
  now: string = new Date().toISOString(),
): Promise<IngestSummary> {
  const results: IngestResult[] = [];
  for (const item of items) {
    try {
      const candidateId = await resolveCandidateRef(store, workspaceId, candidateRefOf(item.outcome));
      const report = toOutcomeReport(item.outcome, candidateId, source, now);
      const applied = await apply(store, workspaceId, report);
      const duplicate = typeof applied === 'object' && applied !== null && (applied as { duplicate?: unknown }).duplicate === true;
      results.push({ ref: item.ref, ok: true, candidateId, kind: report.kind, ...(duplicate ? { duplicate: true as const } : {}) });
    } catch (err) {
      const e = toAppError(err);
      results.push({ ref: item.ref, ok: false, code: e.code, message: e.message });
    }
  }
  const ok = results.filter((r) => r.ok);
  const duplicates = ok.filter((r) => r.duplicate).length;
  return { applied: ok.length - duplicates, duplicates, failed: results.length - ok.length, results };
}
