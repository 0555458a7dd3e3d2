import type { ChannelLimit } from './channel-limits.ts';
import { normaliseMessageWhitespace } from './message-whitespace.ts';
import { renderTemplate, type CompiledTemplate, type RenderOutcome, type SegmentDef } from './template-engine.ts';
import { codePointLength } from './text-length.ts';

export interface FittedText {
  subject: string | null;
  body: string;
  subjectLength: number | null;
  bodyLength: number;
}

export type FitOutcome =
  | { ok: true; text: FittedText; render: RenderOutcome; droppedForFit: SegmentDef[] }
  /** over the limit with every optional segment of the long part dropped */
  | { ok: false; text: FittedText; render: RenderOutcome; droppedForFit: SegmentDef[] };

/** Rendered text as it is counted and sent: whitespace normalised, a subject on one line. */
export function finishText(render: Pick<RenderOutcome, 'subject' | 'body'>): FittedText {
  const subject = render.subject === null ? null : normaliseMessageWhitespace(render.subject.replace(/\s+/g, ' '));
  const body = normaliseMessageWhitespace(render.body);
  return { subject, body, subjectLength: subject === null ? null : codePointLength(subject), bodyLength: codePointLength(body) };
}

/**
 * Auto-fit: render, and while the subject or body is over its limit, drop
 * the kept optional segment of that part with the lowest priority (the
 * later one on a tie) and render again. Text is only ever removed a whole
 * segment at a time, so no word is cut; when nothing is left to drop the
 * outcome says so and the caller refuses the message.
 */
export function fitToLimit(compiled: CompiledTemplate, scope: Record<string, unknown>, limit: ChannelLimit): FitOutcome {
  const drop = new Set<string>();
  const droppedForFit: SegmentDef[] = [];
  for (;;) {
    const render = renderTemplate(compiled, scope, drop);
    const text = finishText(render);
    const subjectOver = text.subjectLength !== null && limit.subject !== null && text.subjectLength > limit.subject;
    const bodyOver = text.bodyLength > limit.body;
    if (!subjectOver && !bodyOver) return { ok: true, text, render, droppedForFit };
    const candidates = render.kept
      .filter((s) => (s.part === 'subject' ? subjectOver : bodyOver))
      .sort((a, b) => a.priority - b.priority || b.order - a.order);
    const next = candidates[0];
    if (!next) return { ok: false, text, render, droppedForFit };
    drop.add(next.id);
    droppedForFit.push(next);
  }
}
