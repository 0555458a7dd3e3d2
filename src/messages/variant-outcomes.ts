/**
 * Outcome counts per template variant, for A/B analytics: how many messages
 * of each variant were sent, accepted (connection notes) and answered.
 * The outreach engine records the variant with every sent message
 * (ActionToExecute.variant); analytics feeds those records in here.
 */
export interface VariantSend {
  variant: string | null;
  accepted?: boolean;
  replied?: boolean;
  positiveReply?: boolean;
}

export interface VariantTally {
  variant: string;
  sent: number;
  accepted: number;
  replied: number;
  positiveReplies: number;
  /** accepted / sent, or null with nothing sent */
  acceptanceRate: number | null;
  replyRate: number | null;
}

/** Messages sent without a variant are counted under this name. */
export const noVariant = '(none)';

export function tallyVariantOutcomes(sends: Iterable<VariantSend>): VariantTally[] {
  const byVariant = new Map<string, VariantTally>();
  for (const s of sends) {
    const key = s.variant ?? noVariant;
    let t = byVariant.get(key);
    if (!t) {
      t = { variant: key, sent: 0, accepted: 0, replied: 0, positiveReplies: 0, acceptanceRate: null, replyRate: null };
      byVariant.set(key, t);
    }
    t.sent++;
    if (s.accepted) t.accepted++;
    if (s.replied) t.replied++;
    if (s.positiveReply) t.positiveReplies++;
  }
  return [...byVariant.values()]
    .map((t) => ({ ...t, acceptanceRate: t.sent ? t.accepted / t.sent : null, replyRate: t.sent ? t.replied / t.sent : null }))
    .sort((a, b) => a.variant.localeCompare(b.variant));
}
