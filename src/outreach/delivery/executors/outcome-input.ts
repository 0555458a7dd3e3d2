import type { Channel } from '../../../core/channel.ts';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { OutcomeKind, OutcomeReport, ReplyKind } from '../executor.ts';
import { outcomeIdSchema } from '../../enrollment/outcome-id.ts';

/**
 * An outcome as an integration sends it (inbound webhook JSON, one CSV row):
 * its own id (optional), who (candidate id, LinkedIn profile URL or email),
 * what happened, through which channel and when. Pure: turning a candidate reference into an id is
 * the store's job (resolve-outcome-candidates.ts).
 *
 * `kind` takes the four outcome kinds, and as shorthands the reply kinds
 * (`positive`, `negative`, `decline`, `quick_reply` mean `replied` with that
 * reply kind) and `declined` (the invitation was declined).
 */
export const outcomeKinds = ['accepted', 'replied', 'bounced', 'declined_invitation'] as const satisfies readonly OutcomeKind[];
export const replyKindValues = ['positive', 'negative', 'decline', 'quick_reply'] as const satisfies readonly ReplyKind[];
export const outcomeChannels = ['connection_request', 'message', 'inmail', 'email', 'phone'] as const satisfies readonly Channel[];

const kindInput = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => s.replace(/[\s-]+/g, '_'))
  .pipe(z.enum([...outcomeKinds, ...replyKindValues, 'declined', 'quick_replied', 'quickreply']));

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v);

/** A date `YYYY-MM-DD` (midnight UTC) or any ISO timestamp with a zone. */
const when = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || (/^\d{4}-\d{2}-\d{2}T/.test(s) && /(Z|[+-]\d{2}:?\d{2})$/i.test(s)), 'expected YYYY-MM-DD or an ISO timestamp with a time zone')
  .refine((s) => DateTime.fromISO(s, { zone: 'utc', setZone: true }).isValid, 'not a real date')
  .transform((s) => DateTime.fromISO(s, { zone: 'utc', setZone: true }).toUTC().toISO()!);

export const outcomeInputSchema = z
  .object({
    /** the outcome's own id (not the candidate's): the same id is applied once, whatever route it comes by (outcome-id.ts) */
    id: z.preprocess(emptyToUndefined, outcomeIdSchema.optional()),
    candidateId: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
    profileUrl: z.preprocess(emptyToUndefined, z.string().trim().min(1).optional()),
    email: z.preprocess(emptyToUndefined, z.string().trim().min(3).optional()),
    campaignId: z.preprocess(emptyToUndefined, z.string().trim().min(1).optional()),
    kind: kindInput,
    replyKind: z.preprocess(
      emptyToUndefined,
      z.string().trim().toLowerCase().transform((s) => s.replace(/[\s-]+/g, '_')).pipe(z.enum(replyKindValues)).optional(),
    ),
    channel: z.preprocess(emptyToUndefined, z.enum(outcomeChannels).optional()),
    at: z.preprocess(emptyToUndefined, when.optional()),
  })
  .refine((o) => o.candidateId !== undefined || o.profileUrl !== undefined || o.email !== undefined, {
    message: 'name the candidate: candidateId, profileUrl or email',
    path: ['candidateId'],
  });
export type OutcomeInput = z.input<typeof outcomeInputSchema>;
export type ParsedOutcome = z.output<typeof outcomeInputSchema>;

export interface CandidateRef {
  candidateId?: number;
  profileUrl?: string;
  email?: string;
}

/** The outcome kind and reply kind a parsed input stands for. */
export function normaliseKind(kind: ParsedOutcome['kind'], replyKind: ReplyKind | undefined): { kind: OutcomeKind; replyKind?: ReplyKind } {
  switch (kind) {
    case 'positive':
    case 'negative':
    case 'decline':
    case 'quick_reply':
      return { kind: 'replied', replyKind: kind };
    case 'quick_replied':
    case 'quickreply':
      return { kind: 'replied', replyKind: 'quick_reply' };
    case 'declined':
      return { kind: 'declined_invitation' };
    case 'replied':
      return replyKind ? { kind: 'replied', replyKind } : { kind: 'replied' };
    default:
      return { kind };
  }
}

/** An OutcomeReport for a resolved candidate (`at` defaults to `now`). */
export function toOutcomeReport(o: ParsedOutcome, candidateId: number, source: OutcomeReport['source'], now: string): OutcomeReport {
  const k = normaliseKind(o.kind, o.replyKind);
  return {
    ...(o.id ? { id: o.id } : {}),
    campaignId: o.campaignId ?? null,
    candidateId,
    kind: k.kind,
    ...(k.replyKind ? { replyKind: k.replyKind } : {}),
    ...(o.channel ? { channel: o.channel } : {}),
    at: o.at ?? now,
    source,
  };
}

export function candidateRefOf(o: ParsedOutcome): CandidateRef {
  return { candidateId: o.candidateId, profileUrl: o.profileUrl, email: o.email };
}
