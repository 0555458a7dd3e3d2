import { sequenceSchema, type Sequence } from './sequence-step.ts';

/**
 * The outreach framework of spec section 6 as a sequence (docs/outreach.md):
 * 1. day 1: connection request with a personalised note;
 * 2. 3 days after acceptance: a follow-up message (the planner sends it on
 *    the first working day from then on, so day 3-5 in practice);
 * 3. day 7-10 (6 days after the request, 3-day window), only when the request
 *    is still not accepted and priority >= 70: an InMail (free where Open Profile);
 * 4. 7 days after the last touch with no answer: email when an address is
 *    known, otherwise a phone task.
 * Any reply stops the sequence (the state machine), so `not_replied` on each
 * step is a second guard, not the mechanism.
 */
export const highPriorityThreshold = 70;

export const defaultSequence: Sequence = sequenceSchema.parse([
  { key: 'invite', channel: 'connection_request', anchor: 'enrolled', delayDays: 0 },
  { key: 'follow-up', channel: 'message', anchor: 'accepted', delayDays: 3, conditions: [{ kind: 'accepted' }, { kind: 'not_replied' }] },
  {
    key: 'inmail',
    channel: 'inmail',
    anchor: 'invite_sent',
    delayDays: 6,
    windowDays: 3,
    conditions: [{ kind: 'not_accepted_after', days: 6 }, { kind: 'priority_at_least', value: highPriorityThreshold }, { kind: 'not_replied' }],
  },
  { key: 'email', channel: 'email', anchor: 'previous_action', delayDays: 7, conditions: [{ kind: 'has_email' }, { kind: 'not_replied' }] },
  { key: 'phone', channel: 'phone', anchor: 'previous_action', delayDays: 7, conditions: [{ kind: 'no_email' }, { kind: 'not_replied' }] },
]);
