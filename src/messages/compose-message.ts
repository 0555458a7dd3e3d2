import { fullName, type CandidateInput } from '../candidates/candidate.ts';
import { finishText, fitToLimit } from './auto-fit.ts';
import { channelLimit, type ChannelLimit } from './channel-limits.ts';
import { defaultTemplateForStep } from './default-templates.ts';
import { extractHooks } from './extract-hooks.ts';
import type { LintFinding } from './lint-finding.ts';
import { lintMessage } from './message-lint.ts';
import type { MessageRole } from './message-role.ts';
import { stepChannel, type MessageChannel, type MessageStep } from './message-step.ts';
import type { HookKind, PersonalHook } from './personal-hook.ts';
import { recordHookRead, type CompiledTemplate, type RenderOutcome, type SegmentDef, type TemplatePart } from './template-engine.ts';
import { resolveTemplate, type TemplateRef } from './template-ref.ts';
import { buildTemplateScope, findUnknownVariables } from './template-scope.ts';
import { assignVariantIndex } from './variant-assignment.ts';

/** A candidate as the composer needs it: the stored model, or an input without an id. */
export type ComposeCandidate = Pick<CandidateInput, 'firstName' | 'lastName' | 'name' | 'headline' | 'location' | 'positions' | 'education' | 'skills' | 'linkedin'> & {
  id?: number;
  profileUrl?: string | null;
};

/** A seat as the composer needs it (structurally a subset of Seat). */
export interface ComposeSeat {
  name: string;
  paid: boolean;
  employers: string[];
  schools: string[];
}

export interface TemplateVariant {
  key: string;
  template: TemplateRef;
}

export interface ComposeInput {
  step: MessageStep;
  /** the template; the step's default when absent (ignored when variants are given) */
  template?: TemplateRef;
  /** A/B variants of the step: one is assigned per candidate (assignVariant, salted with the step) */
  variants?: readonly TemplateVariant[];
  /** with variants: use this variant instead of assigning one; without: the label recorded as `variant` */
  variantKey?: string;
  candidate: ComposeCandidate;
  seat: ComposeSeat;
  role?: MessageRole | null;
  /** today as YYYY-MM-DD (tenure, recent moves); defaults to the current UTC date */
  asOf?: string;
  /** the workspace's privacy notice address, `{{ privacy_notice_url }}` (src/privacy/privacy-settings.ts) */
  privacyNoticeUrl?: string | null;
}

export interface DroppedSegment {
  id: string;
  name: string;
  priority: number;
  part: TemplatePart;
  /** 'missing_value': a value inside was empty; 'fit': dropped by auto-fit to meet the limit */
  reason: 'missing_value' | 'fit';
}

export interface ComposedMessage {
  ok: true;
  step: MessageStep;
  channel: MessageChannel;
  template: string;
  variant: string | null;
  /** null for channels without a subject */
  subject: string | null;
  subjectLength: number | null;
  body: string;
  /** code points of body */
  length: number;
  limit: ChannelLimit;
  /** every hook of the profile, strongest first */
  hooks: PersonalHook[];
  /** the hooks the final text mentions, strongest first */
  hooksUsed: HookKind[];
  /** the hook `hook` pointed at in the final render */
  primaryHook: HookKind | null;
  droppedSegments: DroppedSegment[];
  lint: LintFinding[];
}

export interface ComposeFailure {
  ok: false;
  code: 'message_too_long' | 'template_error';
  message: string;
  details: Record<string, unknown>;
}

export type ComposeResult = ComposedMessage | ComposeFailure;

/** How error messages name a candidate: "Ana Lima (#12)". */
export function candidateLabel(c: ComposeCandidate): string {
  const name = fullName(c) || '(no name)';
  return c.id !== undefined ? `${name} (#${c.id})` : name;
}

/** The key variants are assigned by: the id, else the profile URL, else the name. */
export function candidateKey(c: ComposeCandidate): number | string {
  return c.id ?? (c.profileUrl || fullName(c));
}

/**
 * Renders the final text of one framework step for one candidate. Pure.
 * Never returns text over the channel limit: auto-fit drops optional
 * segments (and, when the template uses `hook`, moves on to the next
 * strongest hook) and otherwise refuses with `message_too_long`, naming the
 * template and the candidate. Lint findings come with every message; the
 * outreach engine must not queue a message whose lint has errors.
 */
export function composeMessage(input: ComposeInput): ComposeResult {
  const channel = stepChannel[input.step];
  const limit = channelLimit(channel, input.seat);
  const who = candidateLabel(input.candidate);

  let ref: TemplateRef = input.template ?? defaultTemplateForStep[input.step];
  let variant: string | null = input.variantKey ?? null;
  if (input.variants && input.variants.length > 0) {
    const forced = input.variantKey !== undefined ? input.variants.find((v) => v.key === input.variantKey) : undefined;
    if (input.variantKey !== undefined && !forced) {
      return fail('template_error', `no variant '${input.variantKey}' for step ${input.step} (known: ${input.variants.map((v) => v.key).join(', ')})`, { step: input.step, candidate: who });
    }
    const chosen = forced ?? input.variants[assignVariantIndex(candidateKey(input.candidate), input.variants.length, input.step)]!;
    ref = chosen.template;
    variant = chosen.key;
  }

  const resolved = resolveTemplate(ref);
  if (!resolved.ok) return fail('template_error', resolved.message, { step: input.step, candidate: who });
  const compiled = resolved.compiled;
  const templateName = compiled.template.name;
  if (compiled.template.step !== null && compiled.template.step !== input.step) {
    return fail('template_error', `template '${templateName}' is written for step ${compiled.template.step}, not ${input.step}`, { template: templateName, step: input.step, candidate: who });
  }

  const hooks = extractHooks({ candidate: input.candidate, seat: input.seat, role: input.role ?? null, asOf: input.asOf ?? new Date().toISOString().slice(0, 10) });
  const choices: Array<PersonalHook | null> = compiled.usesPrimaryHook && hooks.length > 0 ? hooks : [hooks[0] ?? null];

  let firstFailure: ComposeFailure | null = null;
  for (const primary of choices) {
    const scope = buildTemplateScope({ candidate: input.candidate, seat: input.seat, role: input.role ?? null, hooks, primaryHook: primary, privacyNoticeUrl: input.privacyNoticeUrl ?? null }, recordHookRead);
    let fit: ReturnType<typeof fitToLimit>;
    try {
      fit = fitToLimit(compiled, scope, limit);
    } catch (err) {
      return fail('template_error', `template '${templateName}' could not be rendered for ${who}: ${(err as Error).message}`, { template: templateName, step: input.step, candidate: who });
    }
    if (!fit.ok) {
      if (!firstFailure) {
        const { text } = fit;
        const parts = [
          text.bodyLength > limit.body ? `the body has ${text.bodyLength} characters (limit ${limit.body})` : '',
          text.subjectLength !== null && limit.subject !== null && text.subjectLength > limit.subject ? `the subject has ${text.subjectLength} characters (limit ${limit.subject})` : '',
        ].filter(Boolean);
        firstFailure = fail(
          'message_too_long',
          `template '${templateName}' does not fit the ${channel} limit for ${who}: ${parts.join(' and ')} with every optional segment dropped`,
          { template: templateName, step: input.step, candidate: who, channel, length: text.bodyLength, limit: limit.body, subjectLength: text.subjectLength, subjectLimit: limit.subject },
        );
      }
      continue;
    }
    const { text, render } = fit;
    const subject = limit.subject === null ? null : text.subject ?? '';
    const hooksUsed = hooks.filter((h) => render.hooksRead.has(h.kind)).map((h) => h.kind);
    const droppedSegments: DroppedSegment[] = [
      ...render.missing.map((s) => segment(s, 'missing_value')),
      ...fit.droppedForFit.map((s) => segment(s, 'fit')),
    ];
    const lint = lintMessage({
      step: input.step,
      subject,
      body: text.body,
      limit,
      hooksUsed,
      emptyOutputs: render.emptyOutputs,
      unknownVariables: unknownVariablesOf(compiled),
      templateText: ownText(render, limit),
    });
    return {
      ok: true,
      step: input.step,
      channel,
      template: templateName,
      variant,
      subject,
      subjectLength: subject === null ? null : [...subject].length,
      body: text.body,
      length: text.bodyLength,
      limit,
      hooks,
      hooksUsed,
      primaryHook: primary?.kind ?? null,
      droppedSegments,
      lint,
    };
  }
  return firstFailure!;
}

const unknownCache = new WeakMap<CompiledTemplate, string[]>();

function unknownVariablesOf(compiled: CompiledTemplate): string[] {
  let found = unknownCache.get(compiled);
  if (!found) {
    found = findUnknownVariables(compiled.variables);
    unknownCache.set(compiled, found);
  }
  return found;
}

/** What the template wrote (values blanked), finished as the text is; no subject where the channel has none. */
function ownText(render: RenderOutcome, limit: ChannelLimit): { subject: string | null; body: string } {
  const own = finishText(render.templateText);
  return { subject: limit.subject === null ? null : own.subject, body: own.body };
}

function segment(s: SegmentDef, reason: DroppedSegment['reason']): DroppedSegment {
  return { id: s.id, name: s.name, priority: s.priority, part: s.part, reason };
}

function fail(code: ComposeFailure['code'], message: string, details: Record<string, unknown>): ComposeFailure {
  return { ok: false, code, message, details };
}
