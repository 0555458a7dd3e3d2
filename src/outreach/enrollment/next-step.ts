import type { EnrollmentFacts } from './enrollment-facts.ts';
import { inviteStatus } from './enrollment-facts.ts';
import { addDays, localDateOf, type LocalDate } from '../planning/seat-calendar.ts';
import type { Sequence, SequenceChannel, SequenceStep, StepCondition } from '../campaigns/sequence-step.ts';

/**
 * Which step of its sequence an enrollment runs next on a local date. Pure.
 *
 * Each remaining step is judged `never` (a condition or the channel can
 * never hold, or its window passed), `not_yet` (a condition or the anchor may
 * still come true), `waiting` (everything holds but the delay has not passed)
 * or `ready`. Scanning from the enrollment's position: `never` steps are
 * passed, the first `ready` step runs, a `waiting` step blocks the steps
 * after it, and a `not_yet` step lets later steps run first (then it is
 * passed for good: alternatives like "follow up if accepted" / "InMail if not
 * accepted after 6 days" are written as consecutive steps).
 */
export type Tri = 'yes' | 'not_yet' | 'never';

export type NextStep = { kind: 'ready'; stepIndex: number; step: SequenceStep } | { kind: 'wait' } | { kind: 'done' };

/** Whether a channel can be used for this enrollment now; the planner decides budgets separately. */
export type ChannelAvailability = (channel: SequenceChannel, e: EnrollmentFacts) => Tri;

function combine(values: Tri[]): Tri {
  if (values.includes('never')) return 'never';
  if (values.includes('not_yet')) return 'not_yet';
  return 'yes';
}

export function acceptedTri(e: EnrollmentFacts): Tri {
  if (e.connected || e.acceptedAt) return 'yes';
  const s = inviteStatus(e);
  if (s === 'declined' || s === 'withdrawn') return 'never';
  if (s === 'none' && !e.profileUrl) return 'never';
  return 'not_yet';
}

export function conditionTri(c: StepCondition, e: EnrollmentFacts, date: LocalDate, timeZone: string): Tri {
  switch (c.kind) {
    case 'accepted':
      return acceptedTri(e);
    case 'not_accepted_after': {
      if (e.connected || e.acceptedAt) return 'never';
      if (e.declinedAt) return 'yes';
      const ref = localDateOf(e.inviteSentAt ?? e.enrolledAt, timeZone);
      return addDays(ref, c.days) <= date ? 'yes' : 'not_yet';
    }
    case 'replied':
      return e.repliedAt ? 'yes' : 'not_yet';
    case 'not_replied':
      return e.repliedAt ? 'never' : 'yes';
    case 'priority_at_least':
      return e.priority >= c.value ? 'yes' : 'never';
    case 'has_email':
      return e.hasEmail ? 'yes' : 'never';
    case 'no_email':
      return e.hasEmail ? 'never' : 'yes';
    case 'open_profile':
      return e.openProfile ? 'yes' : 'never';
    case 'not_open_profile':
      return e.openProfile ? 'never' : 'yes';
  }
}

/** The local date the step's delay counts from, or null while its anchor has not happened. */
export function anchorDate(step: SequenceStep, e: EnrollmentFacts, timeZone: string): LocalDate | null {
  const at = (iso: string | null) => (iso ? localDateOf(iso, timeZone) : null);
  switch (step.anchor) {
    case 'enrolled':
      return at(e.enrolledAt);
    case 'invite_sent':
      return at(e.inviteSentAt ?? e.enrolledAt);
    case 'accepted':
      return e.acceptedAt ? at(e.acceptedAt) : e.connected ? at(e.enrolledAt) : null;
    case 'previous_action':
      return at(e.lastActionAt ?? e.enrolledAt);
  }
}

export type StepJudgement = 'never' | 'not_yet' | 'waiting' | 'ready';

export function judgeStep(step: SequenceStep, e: EnrollmentFacts, date: LocalDate, timeZone: string, availability: ChannelAvailability): StepJudgement {
  const tri = combine([...step.conditions.map((c) => conditionTri(c, e, date, timeZone)), availability(step.channel, e)]);
  if (tri === 'never') return 'never';
  const anchor = anchorDate(step, e, timeZone);
  if (anchor !== null) {
    const due = addDays(anchor, step.delayDays);
    if (step.windowDays !== null && addDays(due, step.windowDays) < date) return 'never';
    if (tri === 'yes') return due <= date ? 'ready' : 'waiting';
  }
  return 'not_yet';
}

export function nextStep(sequence: Sequence, e: EnrollmentFacts, date: LocalDate, timeZone: string, availability: ChannelAvailability): NextStep {
  let pending = false;
  for (let i = Math.max(0, e.position); i < sequence.length; i++) {
    const j = judgeStep(sequence[i], e, date, timeZone, availability);
    if (j === 'ready') return { kind: 'ready', stepIndex: i, step: sequence[i] };
    if (j === 'waiting') return { kind: 'wait' };
    if (j === 'not_yet') pending = true;
  }
  return pending ? { kind: 'wait' } : { kind: 'done' };
}
