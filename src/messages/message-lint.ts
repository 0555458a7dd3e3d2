import type { ChannelLimit } from './channel-limits.ts';
import type { LintFinding } from './lint-finding.ts';
import type { MessageStep } from './message-step.ts';
import { spamPhrases, shoutingReason } from './spam-phrases.ts';
import { valueMark } from './template-engine.ts';
import { codePointLength } from './text-length.ts';
import { foldText, mentionsFolded } from './text-mentions.ts';

/** Spec section 5: InMails under 400 characters get about 22% more replies. */
export const shortInmailLength = 400;

export interface MessageLintInput {
  step: MessageStep;
  subject: string | null;
  body: string;
  limit: ChannelLimit;
  /** hooks the message mentions (template reads, or evidence found in LLM text) */
  hooksUsed: readonly string[];
  /** outputs outside optional segments that rendered empty */
  emptyOutputs?: readonly string[];
  /** variable paths the template reads that do not exist */
  unknownVariables?: readonly string[];
  /**
   * What the template itself wrote: the rendered subject and body with every
   * value blanked (RenderOutcome.templateText, normalised as the text is).
   * Placeholders are looked for there, so a profile value holding `{{ }}`,
   * `{% %}` or `[Name]` is never taken for one; without it (an LLM's text,
   * which has no template), in the text itself.
   */
  templateText?: { subject: string | null; body: string };
}

const placeholderPatterns: Array<[RegExp, string]> = [
  [/\{\{|\}\}|\{%|%\}/, 'template syntax'],
  [/\[(?:first|last|full)?\s*name\]|\[(?:company|candidate|title|role|job title|school|city|skill)[^\]]*\]/i, 'a [placeholder]'],
  [/\{(?:first_?name|name|company|title|role)\}|<(?:first_?name|name|company)>/i, 'a {placeholder}'],
];

/** Per-message lint (spec section 6 and docs/messages.md). Pure. */
export function lintMessage(input: MessageLintInput): LintFinding[] {
  const findings: LintFinding[] = [];
  const { step, subject, body, limit } = input;

  for (const path of input.unknownVariables ?? []) {
    findings.push({ code: 'unknown_variable', severity: 'error', message: `the template reads '${path}', which is not a template variable`, details: { variable: path } });
  }
  for (const output of input.emptyOutputs ?? []) {
    findings.push({
      code: 'empty_variable',
      severity: 'error',
      message: `${output} rendered empty: give it a fallback (| default: "...") or put it in an {% optional %} segment`,
      details: { output },
    });
  }
  if (body.trim() === '') findings.push({ code: 'empty_body', severity: 'error', message: 'the message has no text' });
  if (limit.subject !== null && (subject ?? '').trim() === '') {
    findings.push({ code: 'missing_subject', severity: 'error', message: `a ${limit.channel === 'inmail' ? 'InMail' : 'email'} needs a subject` });
  }
  const length = codePointLength(body);
  if (length > limit.body) {
    findings.push({ code: 'over_limit', severity: 'error', message: `the text has ${length} characters, over the ${limit.channel} limit of ${limit.body}`, details: { part: 'body', length, limit: limit.body } });
  }
  if (subject !== null && limit.subject !== null && codePointLength(subject) > limit.subject) {
    const n = codePointLength(subject);
    findings.push({ code: 'over_limit', severity: 'error', message: `the subject has ${n} characters, over the limit of ${limit.subject}`, details: { part: 'subject', length: n, limit: limit.subject } });
  }
  const own = input.templateText;
  for (const [part, text] of [['subject', own ? (own.subject ?? '') : (subject ?? '')], ['body', own ? own.body : body]] as const) {
    for (const [pattern, what] of placeholderPatterns) {
      const m = pattern.exec(text);
      if (!m) continue;
      // a value inside the match (`[company {{ x }}]`) is shown as an ellipsis
      const found = m[0].replaceAll(valueMark, '…');
      findings.push({ code: 'unresolved_placeholder', severity: 'error', message: `the ${part} still contains ${what}: '${found}'`, details: { part, found } });
    }
  }
  if (input.hooksUsed.length === 0) {
    findings.push({
      code: 'no_personal_hook',
      severity: step === 'connection_note' ? 'error' : 'warning',
      message: 'the message mentions nothing specific from the profile (no personal hook used)',
    });
  }
  if (step === 'inmail' && length > shortInmailLength) {
    findings.push({
      code: 'inmail_over_400',
      severity: 'warning',
      message: `the InMail has ${length} characters: InMails under ${shortInmailLength} get about 22% more replies`,
      details: { length },
    });
  }
  const whole = `${subject ?? ''}\n${body}`;
  const folded = foldText(whole);
  for (const phrase of spamPhrases) {
    if (mentionsFolded(folded, phrase)) findings.push({ code: 'spammy_phrase', severity: 'warning', message: `'${phrase}' reads like mass mail`, details: { phrase } });
  }
  const shouting = shoutingReason(whole);
  if (shouting) findings.push({ code: 'spammy_phrase', severity: 'warning', message: `shouting: ${shouting}`, details: { phrase: shouting } });
  return findings;
}
