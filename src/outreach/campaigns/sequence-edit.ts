import { candidateInputSchema } from '../../candidates/candidate.ts';
import { composeMessage, type ComposeCandidate } from '../../messages/compose-message.ts';
import type { MessageRole } from '../../messages/message-role.ts';
import type { MessageStep } from '../../messages/message-step.ts';
import { resolveTemplate } from '../../messages/template-ref.ts';
import type { Sequence, SequenceStep } from './sequence-step.ts';
import { variantTemplateRef } from './step-text.ts';

/**
 * Steps are editable until a candidate reaches them (issue item 1). A step
 * is reached once any enrollment's position passed it or an action for it is
 * planned or done. An edit may change, add or remove only steps at or after
 * the first unreached index; reached steps must stay exactly as they were.
 * Pure.
 */
export type SequenceEditCheck = { ok: true } | { ok: false; code: 'conflict'; message: string; reachedSteps: number };

export function checkSequenceEdit(current: Sequence, next: Sequence, reachedSteps: number): SequenceEditCheck {
  for (let i = 0; i < reachedSteps && i < current.length; i++) {
    if (i >= next.length || JSON.stringify(current[i]) !== JSON.stringify(next[i])) {
      return { ok: false, code: 'conflict', message: `step ${i + 1} ('${current[i].key}') was already reached by a candidate and cannot be changed or removed`, reachedSteps };
    }
  }
  return { ok: true };
}

/**
 * Edit-time checks of the steps' template variants (create and sequence
 * edits). For each variant of each step: the step has a message (not a phone
 * task), the template parses and is written for the step's message, and it
 * renders within the channel limit for every seat's plan (a free seat's
 * connection note is 200 characters, a paid one 300), checked on a sample
 * profile with typical lengths — auto-fit may drop optional segments, as it
 * will for real candidates. Lint errors that hold for any candidate (unknown
 * variable, placeholder left, empty body, no subject) are refused too.
 * `variant` (a label) together with `variants` is
 * refused: the label would hide which variant was sent. Variant keys are
 * unique per step (schema). Pure: the first problem, naming step and variant.
 */
export type VariantProblem = { code: 'invalid_input' | 'template_error' | 'message_too_long'; message: string; step: string; variant: string | null };

const messageStepOf: Partial<Record<SequenceStep['channel'], MessageStep>> = {
  connection_request: 'connection_note',
  message: 'follow_up',
  inmail: 'inmail',
  email: 'email',
};

/** A profile with typical lengths: long enough that a template fitting it fits most real people. */
export const variantCheckCandidate: ComposeCandidate = candidateInputSchema.parse({
  firstName: 'Alexandra',
  lastName: 'Montgomery-Smith',
  headline: 'Senior Software Engineer, Platform and Infrastructure at Northwind Traders',
  location: { city: 'San Francisco', region: 'California', country: 'United States', timeZone: 'America/Los_Angeles' },
  positions: [
    { title: 'Senior Software Engineer, Platform', company: 'Northwind Traders International', start: '2021-03', end: null },
    { title: 'Software Engineer', company: 'Contoso Pharmaceuticals', start: '2017-06', end: '2021-02' },
  ],
  education: [{ school: 'University of California, Berkeley', degree: 'BSc', field: 'Computer Science', start: '2013', end: '2017' }],
  skills: ['Kubernetes', 'PostgreSQL', 'TypeScript', 'Distributed Systems'],
  linkedin: { mutualConnections: 12, lastActive: '2026-01-10' },
});

const templateLevelLint = new Set(['unknown_variable', 'unresolved_placeholder', 'empty_body', 'missing_subject']);

export function checkStepVariants(
  steps: Sequence,
  seats: ReadonlyArray<{ id: string; name: string; paid: boolean; employers: string[]; schools: string[] }>,
  role: MessageRole | null,
  asOf: string,
): VariantProblem | null {
  const plans = [...new Map(seats.map((s) => [s.paid, s])).values()];
  if (plans.length === 0) plans.push({ id: '(none)', name: 'Recruiter', paid: true, employers: [], schools: [] });
  for (const [i, step] of steps.entries()) {
    const variants = step.variants ?? [];
    if (variants.length === 0) continue;
    const where = `step ${i + 1} ('${step.key}')`;
    const messageStep = messageStepOf[step.channel];
    if (!messageStep) return { code: 'invalid_input', message: `${where}: a ${step.channel} step has no message text, so it cannot have template variants`, step: step.key, variant: null };
    if (step.variant) return { code: 'invalid_input', message: `${where}: give either a variant label or variants, not both`, step: step.key, variant: null };
    for (const v of variants) {
      const at = `${where} variant '${v.key}'`;
      const resolved = resolveTemplate(variantTemplateRef(step.key, v));
      if (!resolved.ok) return { code: 'template_error', message: `${at}: ${resolved.message}`, step: step.key, variant: v.key };
      for (const seat of plans) {
        const composed = composeMessage({ step: messageStep, template: variantTemplateRef(step.key, v), candidate: variantCheckCandidate, seat, role, asOf });
        if (!composed.ok) {
          const plan = seat.paid ? 'paid' : 'free';
          return { code: composed.code, message: `${at} (${plan} seat '${seat.name}'): ${composed.message}`, step: step.key, variant: v.key };
        }
        // findings that hold for every candidate: the template itself is wrong
        const broken = composed.lint.find((f) => f.severity === 'error' && templateLevelLint.has(f.code));
        if (broken) return { code: 'template_error', message: `${at}: ${broken.message}`, step: step.key, variant: v.key };
      }
    }
  }
  return null;
}
