import type { ComposedMessage } from './compose-message.ts';
import { hasLintErrors } from './lint-finding.ts';
import { chatCompletionsUrl, type LlmConfig } from './llm-config.ts';
import { lintMessage, shortInmailLength } from './message-lint.ts';
import { normaliseMessageWhitespace } from './message-whitespace.ts';
import { codePointLength } from './text-length.ts';
import { foldText, mentionsFolded } from './text-mentions.ts';

export interface RewriteRequest {
  /** the template's rendering: the fallback, and the draft the model rewrites */
  message: ComposedMessage;
  /** the template's intent (its header), what the message is for */
  intent: string;
  config: LlmConfig;
  /** injectable for tests; the global fetch otherwise */
  fetch?: typeof fetch;
}

export interface RewriteOutcome {
  /** the rewritten message, or the template's when the rewrite failed */
  message: ComposedMessage;
  rewrite: { status: 'rewritten'; model: string } | { status: 'fallback'; model: string; reason: string };
}

/**
 * Optional LLM rewrite. The model gets the draft, the hooks and the intent
 * and must answer JSON {"subject"?, "body"}; the answer goes through the
 * same normalisation, limits and lint as a template. Any failure (network,
 * timeout, HTTP error, bad answer, over a limit, no hook mentioned, lint
 * errors) falls back to the template's message, with the reason.
 */
export async function rewriteMessage(req: RewriteRequest): Promise<RewriteOutcome> {
  const { message, config } = req;
  const fallback = (reason: string): RewriteOutcome => ({ message, rewrite: { status: 'fallback', model: config.model, reason } });
  const doFetch = req.fetch ?? fetch;
  let content: string;
  try {
    const res = await doFetch(chatCompletionsUrl(config.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
      body: JSON.stringify({ model: config.model, temperature: config.temperature, messages: buildPrompt(req) }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    if (!res.ok) return fallback(`the LLM endpoint answered HTTP ${res.status}`);
    const json = (await res.json()) as { choices?: Array<{ message?: { content?: unknown } }> };
    const c = json.choices?.[0]?.message?.content;
    if (typeof c !== 'string' || !c.trim()) return fallback('the LLM answer has no message content');
    content = c;
  } catch (err) {
    const e = err as Error;
    return fallback(e.name === 'TimeoutError' || e.name === 'AbortError' ? `the LLM endpoint did not answer within ${config.timeoutMs} ms` : `the LLM endpoint failed: ${e.message}`);
  }

  const parsed = parseAnswer(content, message.limit.subject !== null);
  if (!parsed) return fallback('the LLM answer is not the JSON {"subject", "body"} that was asked for');
  const body = normaliseMessageWhitespace(parsed.body);
  const subject = message.limit.subject === null ? null : normaliseMessageWhitespace((parsed.subject ?? message.subject ?? '').replace(/\s+/g, ' '));
  const folded = foldText(`${subject ?? ''}\n${body}`);
  const hooksUsed = message.hooks.filter((h) => h.evidence.some((e) => mentionsFolded(folded, e))).map((h) => h.kind);
  const lint = lintMessage({ step: message.step, subject, body, limit: message.limit, hooksUsed });
  if (hasLintErrors(lint)) return fallback(`the rewrite fails lint: ${lint.filter((l) => l.severity === 'error').map((l) => l.code).join(', ')}`);
  return {
    message: {
      ...message,
      subject,
      subjectLength: subject === null ? null : codePointLength(subject),
      body,
      length: codePointLength(body),
      hooksUsed,
      droppedSegments: [],
      lint,
    },
    rewrite: { status: 'rewritten', model: config.model },
  };
}

function buildPrompt(req: RewriteRequest): Array<{ role: 'system' | 'user'; content: string }> {
  const m = req.message;
  const max = m.limit.body;
  const target = m.step === 'inmail' ? Math.min(max, shortInmailLength) : max;
  const system = [
    'You rewrite recruiting outreach messages so they read as individually written.',
    'Rules:',
    `- The body must be at most ${max} characters${target < max ? ` and should stay under ${target}` : ''}.`,
    m.limit.subject !== null ? `- The subject must be at most ${m.limit.subject} characters.` : '- There is no subject.',
    '- Mention at least one of the profile facts given; do not invent any other facts, numbers or names.',
    '- Plain text, no placeholders like [Name], no hype, no exclamation marks in a row.',
    '- Answer with JSON only: {"subject": "...", "body": "..."} (omit "subject" when there is none).',
  ].join('\n');
  const user = JSON.stringify({
    channel: m.channel,
    step: m.step,
    intent: req.intent,
    facts: m.hooks.map((h) => ({ kind: h.kind, fact: h.text })),
    draft: { subject: m.subject, body: m.body },
  });
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

function parseAnswer(content: string, wantsSubject: boolean): { subject?: string; body: string } | null {
  const unfenced = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  try {
    const v = JSON.parse(unfenced) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const { subject, body } = v as { subject?: unknown; body?: unknown };
    if (typeof body !== 'string') return null;
    if (subject !== undefined && subject !== null && typeof subject !== 'string') return null;
    return { body, ...(typeof subject === 'string' && wantsSubject ? { subject } : {}) };
  } catch {
    // a plain-text answer is accepted as the body where there is no subject
    return wantsSubject || unfenced.startsWith('{') ? null : { body: unfenced };
  }
}
