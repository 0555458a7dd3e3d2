import type { OutcomeEvent, SentAction } from './analytics-event.ts';

/**
 * Which sent action an outcome answers (pure). Acceptances and declined
 * invitations answer the latest connection request to the person; a bounce
 * the latest email; a reply the latest action on the reply's channel, or the
 * latest action of any channel when the channel is unknown. "Latest" means
 * sent at or before the outcome (the latest at all when none is, to survive
 * clock skew between systems). An outcome with a campaign only looks at that
 * campaign's actions. Null when nothing matches.
 */
export interface Attribution {
  outcome: OutcomeEvent;
  /** index into the actions list, or null */
  action: number | null;
}

export function attributeOutcomes(actions: readonly SentAction[], outcomes: readonly OutcomeEvent[]): Attribution[] {
  const byCandidate = new Map<number, number[]>();
  actions.forEach((a, i) => {
    if (a.channel === 'withdraw_invitation') return;
    const list = byCandidate.get(a.candidateId) ?? [];
    list.push(i);
    byCandidate.set(a.candidateId, list);
  });
  for (const list of byCandidate.values()) list.sort((x, y) => (actions[x].sentAt < actions[y].sentAt ? -1 : actions[x].sentAt > actions[y].sentAt ? 1 : x - y));
  return outcomes.map((outcome) => {
    const wanted = outcome.kind === 'accepted' || outcome.kind === 'declined_invitation' ? 'connection_request' : outcome.kind === 'bounced' ? 'email' : outcome.channel;
    const pool = (byCandidate.get(outcome.candidateId) ?? []).filter(
      (i) => (outcome.campaignId === null || actions[i].campaignId === outcome.campaignId) && (wanted === null || actions[i].channel === wanted),
    );
    if (pool.length === 0) return { outcome, action: null };
    const before = pool.filter((i) => actions[i].sentAt <= outcome.at);
    return { outcome, action: (before.length > 0 ? before : pool)[(before.length > 0 ? before : pool).length - 1] };
  });
}

/** Per action: accepted, replied (first reply only), positive reply, bounced, refunded. */
export interface ActionResult {
  accepted: boolean;
  declined: boolean;
  replied: boolean;
  positive: boolean;
  bounced: boolean;
  refunded: boolean;
}

export function actionResults(actions: readonly SentAction[], outcomes: readonly OutcomeEvent[]): ActionResult[] {
  const results: ActionResult[] = actions.map(() => ({ accepted: false, declined: false, replied: false, positive: false, bounced: false, refunded: false }));
  for (const { outcome, action } of attributeOutcomes(actions, outcomes)) {
    if (action === null) continue;
    const r = results[action];
    if (outcome.kind === 'accepted') r.accepted = true;
    else if (outcome.kind === 'declined_invitation') r.declined = true;
    else if (outcome.kind === 'bounced') r.bounced = true;
    else if (outcome.kind === 'replied') {
      r.replied = true;
      if (outcome.replyKind === 'positive') r.positive = true;
      if (outcome.refunded) r.refunded = true;
    }
  }
  return results;
}
