import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { OutcomeReport } from '../delivery/executor.ts';

/**
 * An outcome's id, by which its application is idempotent (issue #14): the
 * same id applied twice, through any route (signed webhook, CSV, API, CLI),
 * changes nothing the second time. The sender's own id when it gives one
 * (`id`, CSV column `outcome_id`), else one derived from what the outcome
 * says — candidate, campaign, kind, reply kind, channel and time — so a
 * sender that retries with a fresh signature, or a CSV imported twice, is
 * applied once. Two reports that agree on all of these are the same event.
 * (An integration that leaves `at` out gets the time of receipt, so each
 * delivery is a new event: send `id` or `at`.) Pure.
 */
export const outcomeIdSchema = z
  .string()
  .trim()
  .min(1, 'an outcome id cannot be empty')
  .max(200, 'an outcome id has at most 200 characters')
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'an outcome id cannot contain control characters');

/** `content:` + SHA-256 of the outcome's facts; never equal to a sender's id unless it copies the form. */
export function derivedOutcomeId(r: Pick<OutcomeReport, 'candidateId' | 'campaignId' | 'kind' | 'replyKind' | 'channel'>, atUtc: string): string {
  const facts = JSON.stringify([r.candidateId, r.campaignId ?? null, r.kind, r.replyKind ?? null, r.channel ?? null, atUtc]);
  return `content:${createHash('sha256').update(facts, 'utf8').digest('hex')}`;
}

export function outcomeIdOf(r: Pick<OutcomeReport, 'id' | 'candidateId' | 'campaignId' | 'kind' | 'replyKind' | 'channel'>, atUtc: string): string {
  return r.id ?? derivedOutcomeId(r, atUtc);
}
