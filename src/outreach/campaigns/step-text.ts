import { fullName, type Candidate } from '../../candidates/candidate.ts';
import { composeMessage } from '../../messages/compose-message.ts';
import { isDefaultTemplateName } from '../../messages/default-templates.ts';
import { hasLintErrors, type LintFinding } from '../../messages/lint-finding.ts';
import type { MessageRole } from '../../messages/message-role.ts';
import type { MessageStep } from '../../messages/message-step.ts';
import type { TemplateRef } from '../../messages/template-ref.ts';
import type { Seat } from '../../seats/seat.ts';
import type { PlannedChannel } from '../planning/plan-day.ts';
import type { StepVariant } from './sequence-step.ts';

/**
 * The final text of a planned action, rendered once when it is planned so
 * the task queue, the webhook and the sandbox all see the same words.
 * LinkedIn and email steps go through the composer (src/messages), which
 * fits the channel limits and lints; a message whose lint has errors is not
 * sent (a connection request then goes without its note, anything else
 * fails visibly). Phone tasks and withdrawals get a short instruction.
 * `lint` is the composer's findings on the final text (only warnings can
 * remain on a sendable text); they are stored with the action so the task
 * queue shows them before the recruiter sends.
 */
export type StepText =
  | { ok: true; subject: string | null; body: string; variant: string | null; note: 'with' | 'without' | 'n/a'; lint: LintFinding[] }
  | { ok: false; message: string; lint: LintFinding[] };

/** A step variant's template as the composer names it: a default template by name, else the source. */
export function variantTemplateRef(stepKey: string, v: StepVariant): TemplateRef {
  return isDefaultTemplateName(v.template) ? v.template : { name: `${stepKey}/${v.key}`, source: v.template };
}

const composerStep: Partial<Record<PlannedChannel, MessageStep>> = {
  connection_request: 'connection_note',
  message: 'follow_up',
  inmail: 'inmail',
  email: 'email',
};

export function renderStepText(input: {
  channel: PlannedChannel;
  withNote: boolean;
  candidate: Candidate;
  seat: Pick<Seat, 'name' | 'paid' | 'employers' | 'schools'>;
  role: MessageRole | null;
  /** without a step variant: the label recorded as the action's variant */
  variantKey?: string | null;
  /** the enrollment's variant of the step (assignStepVariant): its template is used and its key recorded */
  stepVariant?: { stepKey: string; variant: StepVariant } | null;
  asOf: string;
  /** the workspace's privacy notice address for `{{ privacy_notice_url }}` */
  privacyNoticeUrl?: string | null;
}): StepText {
  const { channel, candidate } = input;
  const name = fullName(candidate) || `candidate #${candidate.id}`;
  if (channel === 'withdraw_invitation') return { ok: true, subject: null, body: '', variant: null, note: 'n/a', lint: [] };
  if (channel === 'phone') {
    const phones = candidate.phones.length ? candidate.phones.join(', ') : 'no number on file: find one';
    const about = input.role ? ` about ${input.role.title} at ${input.role.company}` : '';
    return { ok: true, subject: null, body: `Call ${name} (${phones})${about}. Last touchpoint: no answer on LinkedIn or email yet.`, variant: null, note: 'n/a', lint: [] };
  }
  if (channel === 'connection_request' && !input.withNote) return { ok: true, subject: null, body: '', variant: null, note: 'without', lint: [] };
  const step = composerStep[channel]!;
  const composed = composeMessage({
    step,
    candidate,
    seat: { name: input.seat.name, paid: input.seat.paid, employers: input.seat.employers, schools: input.seat.schools },
    role: input.role,
    ...(input.stepVariant
      ? { template: variantTemplateRef(input.stepVariant.stepKey, input.stepVariant.variant), variantKey: input.stepVariant.variant.key }
      : input.variantKey
        ? { variantKey: input.variantKey }
        : {}),
    asOf: input.asOf,
    privacyNoticeUrl: input.privacyNoticeUrl ?? null,
  });
  const problem = !composed.ok ? composed.message : hasLintErrors(composed.lint) ? composed.lint.filter((f) => f.severity === 'error').map((f) => f.message).join('; ') : null;
  const lint = composed.ok ? composed.lint : [];
  const variant = input.stepVariant?.variant.key ?? (composed.ok ? composed.variant : null);
  if (problem !== null || !composed.ok) {
    // the request goes without its note (so no variant was sent); the dropped note's findings say why
    if (channel === 'connection_request') return { ok: true, subject: null, body: '', variant: null, note: 'without', lint };
    return { ok: false, message: `no sendable ${step} text for ${name}: ${problem}`, lint };
  }
  return { ok: true, subject: composed.subject, body: composed.body, variant, note: channel === 'connection_request' ? 'with' : 'n/a', lint };
}
