import { isMessageStep, type MessageStep } from './message-step.ts';

/**
 * A message template as written: Liquid text with an optional header of
 * `key: value` lines between `---` lines (name, step, intent, subject).
 * The subject is itself a one-line Liquid template.
 */
export interface MessageTemplate {
  name: string;
  /** the framework step it is written for, when the header says */
  step: MessageStep | null;
  /** what the message is for, in a sentence: shown to people and given to the LLM rewrite */
  intent: string;
  /** Liquid source of the subject (InMail, email), or null */
  subject: string | null;
  /** Liquid source of the body */
  body: string;
}

export type TemplateParseResult = { ok: true; template: MessageTemplate } | { ok: false; message: string };

const headerKeys = new Set(['name', 'step', 'intent', 'subject']);

export function parseTemplateSource(source: string, fallbackName: string): TemplateParseResult {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const header: Record<string, string> = {};
  let body = text;
  if (text.startsWith('---\n')) {
    const end = text.indexOf('\n---', 3);
    if (end < 0) return { ok: false, message: `template '${fallbackName}': the header starting with --- has no closing --- line` };
    const lines = text.slice(4, end).split('\n');
    for (const [i, line] of lines.entries()) {
      if (!line.trim() || line.trim().startsWith('#')) continue;
      const m = /^([a-z_]+)\s*:\s*(.*)$/.exec(line.trim());
      if (!m) return { ok: false, message: `template '${fallbackName}': header line ${i + 2} is not 'key: value'` };
      const key = m[1]!;
      if (!headerKeys.has(key)) return { ok: false, message: `template '${fallbackName}': unknown header key '${key}' (known: ${[...headerKeys].join(', ')})` };
      header[key] = unquote(m[2]!.trim());
    }
    body = text.slice(end + 4).replace(/^[^\n]*\n/, '');
  }
  const step = header.step ?? null;
  if (step !== null && !isMessageStep(step)) return { ok: false, message: `template '${fallbackName}': unknown step '${step}' (known: connection_note, follow_up, inmail, email)` };
  return {
    ok: true,
    template: {
      name: header.name || fallbackName,
      step: step as MessageStep | null,
      intent: header.intent ?? '',
      subject: header.subject ?? null,
      body,
    },
  };
}

function unquote(s: string): string {
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) return s.slice(1, -1);
  return s;
}
