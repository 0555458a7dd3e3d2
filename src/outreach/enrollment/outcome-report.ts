import { z } from 'zod';
import { channels } from '../../core/channel.ts';
import { outcomeIdSchema } from './outcome-id.ts';
import { toUtcIso } from '../planning/seat-calendar.ts';

/** An outcome report as every source gives it to applyOutcome (apply-outcome-store.ts). Pure, so the API contract can use it. */
const isIsoTimestamp = (s: string) => {
  try {
    toUtcIso(s);
    return true;
  } catch {
    return false;
  }
};

export const outcomeReportSchema = z
  .object({
    campaignId: z.string().min(1).nullable().optional(),
    candidateId: z.number().int().positive(),
    kind: z.enum(['accepted', 'replied', 'bounced', 'declined_invitation']),
    replyKind: z.enum(['positive', 'negative', 'decline', 'quick_reply']).optional(),
    channel: z.enum(channels).optional(),
    /** the outcome's id: applying it again changes nothing (derived from the content when absent) */
    id: outcomeIdSchema.optional(),
    // the same reading toUtcIso does below (Date.parse takes 'March 5, 2026', which toUtcIso then refused as a 500)
    at: z.string().refine((s) => isIsoTimestamp(s), 'expected an ISO 8601 timestamp such as 2026-03-05T09:30:00Z'),
    source: z.enum(['cli', 'api', 'webhook', 'csv', 'sandbox', 'tasks']),
  })
  .refine((r) => r.kind !== 'replied' || r.replyKind !== undefined, { message: 'a reply needs a replyKind', path: ['replyKind'] });

