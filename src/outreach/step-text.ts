import { fullName, type Candidate } from '../candidates/candidate.ts';
import { composeMessage } from '../messages/compose-message.ts';
import { hasLintErrors } from '../messages/lint-finding.ts';
import type { MessageRole } from '../messages/message-role.ts';
import type { MessageStep } from '../messages/message-step.ts';
import type { Seat } from '../seats/seat.ts';
import type { PlannedChannel } from './plan-day.ts';

/**
 * The final text of a planned action, rendered once when it is planned so
 * the task queue, the webhook and the sandbox all see the same words.
 * LinkedIn and email steps go through the composer (src/messages), which
 * fits the channel limits and lints; a message whose lint has errors is not
 * sent (a connection request then goes without its note, anything else
 * fails visibly). Phone tasks and withdrawals get a short instruction.
 */
export type StepText = { ok: true; subject: string | null; body: string; variant: string | null; note: 'with' | 'without' | 'n/a' } | { ok: false; message: string };

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
  variantKey?: string | null;
  asOf: string;
}): StepText {
  const { channel, candidate } = input;
  const name = fullName(candidate) || `candidate #${candidate.id}`;
  if (channel === 'withdraw_invitation') return { ok: true, subject: null, body: '', variant: null, note: 'n/a' };
  if (channel === 'phone') {
    const phones = candidate.phones.length ? candidate.phones.join(', ') : 'no number on file: find one';
    const about = input.role ? ` about ${input.role.title} at ${input.role.company}` : '';
    return { ok: true, subject: null, body: `Call ${name} (${phones})${about}. Last touchpoint: no answer on LinkedIn or email yet.`, variant: null, note: 'n/a' };
  }
  if (channel === 'connection_request' && !input.withNote) return { ok: true, subject: null, body: '', variant: null, note: 'without' };
  const step = composerStep[channel]!;
  const composed = composeMessage({
    step,
    candidate,
    seat: { name: input.seat.name, paid: input.seat.paid, employers: input.seat.employers, schools: input.seat.schools },
    role: input.role,
    ...(input.variantKey ? { variantKey: input.variantKey } : {}),
    asOf: input.asOf,
  });
  const problem = !composed.ok ? composed.message : hasLintErrors(composed.lint) ? composed.lint.filter((f) => f.severity === 'error').map((f) => f.message).join('; ') : null;
  if (problem !== null || !composed.ok) {
    if (channel === 'connection_request') return { ok: true, subject: null, body: '', variant: null, note: 'without' };
    return { ok: false, message: `no sendable ${step} text for ${name}: ${problem}` };
  }
  return { ok: true, subject: composed.subject, body: composed.body, variant: composed.variant, note: channel === 'connection_request' ? 'with' : 'n/a' };
}
