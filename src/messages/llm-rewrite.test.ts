import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { candidateInputSchema } from '../candidates/candidate.ts';
import { composeMessage, type ComposedMessage } from './compose-message.ts';
import { chatCompletionsUrl, llmConfigFromEnv, type LlmConfig } from './llm-config.ts';
import { rewriteMessage } from './llm-rewrite.ts';

/** A local stand-in for an OpenAI-compatible endpoint: each test sets what it answers. */
let server: Server;
let baseUrl = '';
let answer: (body: Record<string, unknown>, res: ServerResponse) => void = () => undefined;
const requests: Array<{ url: string; auth: string | undefined; body: Record<string, unknown> }> = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      requests.push({ url: req.url ?? '', auth: req.headers.authorization, body });
      answer(body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function reply(content: string, status = 200) {
  return (_b: Record<string, unknown>, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(status === 200 ? { choices: [{ message: { role: 'assistant', content } }] } : { error: 'nope' }));
  };
}

const candidate = { id: 3, ...candidateInputSchema.parse({ firstName: 'Ana', lastName: 'Lima', positions: [{ title: 'Staff Engineer', company: 'Acme', start: '2019', end: null }], skills: ['Go'] }) };
const role = { title: 'Principal Engineer', company: 'Initech', skills: ['Go'], location: 'Berlin', pitch: '' };

function draft(step: 'connection_note' | 'inmail' = 'connection_note', paid = false): ComposedMessage {
  const r = composeMessage({ step, candidate, seat: { name: 'Jane', paid, employers: [], schools: [] }, role, asOf: '2025-06-01' });
  if (!r.ok) throw new Error(r.message);
  return r;
}
const config = (): LlmConfig => ({ baseUrl, model: 'stand-in', apiKey: 'k-123', timeoutMs: 2000, temperature: 0.5 });

describe('LLM rewrite against a local stand-in server', () => {
  it('uses a good rewrite: same limits, lint and hook check as a template', async () => {
    answer = reply(JSON.stringify({ body: 'Hi Ana, your Go work at Acme stood out. I lead hiring for a Principal Engineer role at Initech; open to connecting?' }));
    const out = await rewriteMessage({ message: draft(), intent: 'connect', config: config() });
    expect(out.rewrite).toEqual({ status: 'rewritten', model: 'stand-in' });
    expect(out.message.body).toContain('your Go work at Acme');
    expect(out.message.hooksUsed).toEqual(['skill_match', 'current_role']);
    expect(out.message.length).toBe([...out.message.body].length);
    expect(out.message.lint).toEqual([]);
    const last = requests[requests.length - 1]!;
    expect(last.url).toBe('/v1/chat/completions');
    expect(last.auth).toBe('Bearer k-123');
    expect(last.body.model).toBe('stand-in');
    const prompt = JSON.stringify(last.body.messages);
    expect(prompt).toContain('at most 200 characters');
    expect(prompt).toContain('your Go experience');
    expect(prompt).toContain('connect');
  });

  it('falls back to the template when the rewrite is over the limit', async () => {
    answer = reply(JSON.stringify({ body: `Hi Ana, your Go work at Acme. ${'More words here. '.repeat(20)}` }));
    const d = draft();
    const out = await rewriteMessage({ message: d, intent: '', config: config() });
    expect(out.rewrite).toMatchObject({ status: 'fallback', reason: expect.stringContaining('over_limit') });
    expect(out.message).toBe(d);
  });

  it('falls back when the rewrite mentions no hook, or leaves a placeholder', async () => {
    answer = reply(JSON.stringify({ body: 'Hello! I have a great role for you. Shall we connect?' }));
    expect((await rewriteMessage({ message: draft(), intent: '', config: config() })).rewrite).toMatchObject({ status: 'fallback', reason: expect.stringContaining('no_personal_hook') });
    answer = reply(JSON.stringify({ body: 'Hi [First Name], your Go work at Acme stood out.' }));
    expect((await rewriteMessage({ message: draft(), intent: '', config: config() })).rewrite).toMatchObject({ status: 'fallback', reason: expect.stringContaining('unresolved_placeholder') });
  });

  it('falls back on HTTP errors, bad answers and timeouts', async () => {
    answer = reply('', 500);
    expect((await rewriteMessage({ message: draft(), intent: '', config: config() })).rewrite).toMatchObject({ status: 'fallback', reason: 'the LLM endpoint answered HTTP 500' });
    answer = (_b, res) => res.end('not json');
    expect((await rewriteMessage({ message: draft(), intent: '', config: config() })).rewrite).toMatchObject({ status: 'fallback' });
    answer = reply('{"subject": 5, "body": "x"}');
    expect((await rewriteMessage({ message: draft('inmail', true), intent: '', config: config() })).rewrite).toMatchObject({ status: 'fallback' });
    answer = () => undefined; // never answers
    const slow = await rewriteMessage({ message: draft(), intent: '', config: { ...config(), timeoutMs: 150 } });
    expect(slow.rewrite).toMatchObject({ status: 'fallback', reason: 'the LLM endpoint did not answer within 150 ms' });
  });

  it('falls back when nothing listens at the configured URL', async () => {
    const out = await rewriteMessage({ message: draft(), intent: '', config: { ...config(), baseUrl: 'http://127.0.0.1:9' } });
    expect(out.rewrite).toMatchObject({ status: 'fallback', reason: expect.stringContaining('failed') });
  });

  it('InMail rewrites keep a subject within its limit; a fenced JSON answer is accepted', async () => {
    answer = reply('```json\n{"subject": "Your Go work at Acme", "body": "Hi Ana, I sent a connection request last week. Your Go work at Acme stood out: we are hiring a Principal Engineer at Initech. Open to a short chat?"}\n```');
    const out = await rewriteMessage({ message: draft('inmail', true), intent: 'escalate', config: config() });
    expect(out.rewrite.status).toBe('rewritten');
    expect(out.message.subject).toBe('Your Go work at Acme');
    expect(out.message.subjectLength).toBe(20);
  });
});

describe('LLM configuration', () => {
  it('is off unless a base URL and a model are set', () => {
    expect(llmConfigFromEnv({})).toBeNull();
    expect(llmConfigFromEnv({ SCOUTLINE_LLM_BASE_URL: 'http://x' })).toBeNull();
    expect(llmConfigFromEnv({ SCOUTLINE_LLM_BASE_URL: 'http://x', SCOUTLINE_LLM_MODEL: 'm', SCOUTLINE_LLM_TIMEOUT_MS: '500' })).toMatchObject({ baseUrl: 'http://x', model: 'm', apiKey: '', timeoutMs: 500 });
  });
  it('accepts a base URL with or without /v1', () => {
    expect(chatCompletionsUrl('http://h:1')).toBe('http://h:1/v1/chat/completions');
    expect(chatCompletionsUrl('https://h/v1/')).toBe('https://h/v1/chat/completions');
  });
});
