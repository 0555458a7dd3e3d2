import { z } from 'zod';

/**
 * One step of a campaign's sequence (issue item 1). A step says which
 * channel to use, when it becomes due (a delay in whole local days after an
 * anchor event) and under which conditions it runs. Steps are evaluated in
 * order by `next-step.ts`; a step whose conditions can never hold is skipped.
 *
 * Anchors: `enrolled` (the candidate joined the running campaign),
 * `invite_sent`, `accepted` (the connection request was accepted) and
 * `previous_action` (the candidate's most recent executed step). A step whose
 * anchor has not happened yet waits.
 *
 * `windowDays`: a step not started within this many days after it became
 * due is skipped (the InMail of the default sequence runs on day 7-10 only).
 */
export const sequenceChannels = ['connection_request', 'message', 'inmail', 'email', 'phone'] as const;
export type SequenceChannel = (typeof sequenceChannels)[number];

export const stepAnchors = ['enrolled', 'invite_sent', 'accepted', 'previous_action'] as const;
export type StepAnchor = (typeof stepAnchors)[number];

export const stepConditionSchema = z.discriminatedUnion('kind', [
  /** the connection request was accepted (or the candidate already is a 1st-degree connection) */
  z.object({ kind: z.literal('accepted') }),
  /** N whole days after the request was sent (or after enrollment when none was sent) it is still not accepted; a declined or withdrawn request counts as not accepted */
  z.object({ kind: z.literal('not_accepted_after'), days: z.number().int().min(0).max(365) }),
  z.object({ kind: z.literal('replied') }),
  z.object({ kind: z.literal('not_replied') }),
  z.object({ kind: z.literal('priority_at_least'), value: z.number().min(0).max(100) }),
  z.object({ kind: z.literal('has_email') }),
  z.object({ kind: z.literal('no_email') }),
  z.object({ kind: z.literal('open_profile') }),
  z.object({ kind: z.literal('not_open_profile') }),
]);
export type StepCondition = z.infer<typeof stepConditionSchema>;

/**
 * A/B template variant of a message step. `template` is a Liquid template
 * source (with an optional `---` header, docs/messages.md) or the name of a
 * default template (`connection-note`, `follow-up`, `inmail`, `email`).
 * `weight` (default 1) is the variant's share of the step's candidates.
 */
export const stepVariantSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i, 'variant key: letters, digits, - and _ (at most 40)'),
  template: z.string().min(1, 'variant template is empty').max(20_000),
  weight: z.number().positive().max(1000).default(1),
});
export type StepVariant = z.infer<typeof stepVariantSchema>;

export const sequenceStepSchema = z.object({
  /** stable name of the step inside its sequence (letters, digits, - and _) */
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i, 'step key: letters, digits, - and _'),
  channel: z.enum(sequenceChannels),
  anchor: z.enum(stepAnchors).default('previous_action'),
  delayDays: z.number().int().min(0).max(365).default(0),
  windowDays: z.number().int().min(0).max(365).nullable().default(null),
  conditions: z.array(stepConditionSchema).default([]),
  /** without `variants`: the label recorded on the step's actions (the default template is used) */
  variant: z.string().max(40).nullable().default(null),
  /** A/B variants of the step's message: each enrollment gets one, deterministically (step-variant.ts) */
  variants: z
    .array(stepVariantSchema)
    .max(10)
    .default([])
    .refine((vs) => new Set(vs.map((v) => v.key.toLowerCase())).size === vs.length, 'variant keys must be unique within a step'),
});
export type SequenceStep = z.infer<typeof sequenceStepSchema>;
export type SequenceStepInput = z.input<typeof sequenceStepSchema>;

export const sequenceSchema = z
  .array(sequenceStepSchema)
  .min(1)
  .max(20)
  .refine((steps) => new Set(steps.map((s) => s.key)).size === steps.length, 'step keys must be unique');
export type Sequence = SequenceStep[];
