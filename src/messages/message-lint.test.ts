import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channelLimit } from './channel-limits.ts';
import { hasLintErrors } from './lint-finding.ts';
import { lintMessage, type MessageLintInput } from './message-lint.ts';
import { lintBatch } from './batch-lint.ts';
import { findNearDuplicates } from './near-duplicates.ts';

const base: MessageLintInput = { step: 'connection_note', subject: null, body: 'Hi Ana, congrats on 5 years at Acme!', limit: channelLimit('connection_request', { paid: true }), hooksUsed: ['tenure_milestone'] };
const codes = (input: Partial<MessageLintInput>) => lintMessage({ ...base, ...input }).map((f) => f.code);

describe('lintMessage', () => {
  it('a good note is clean', () => {
    expect(lintMessage(base)).toEqual([]);
  });
  it('no personal hook: an error on a connection note, a warning elsewhere', () => {
    expect(lintMessage({ ...base, hooksUsed: [] })).toEqual([expect.objectContaining({ code: 'no_personal_hook', severity: 'error' })]);
    expect(lintMessage({ ...base, step: 'follow_up', limit: channelLimit('message', { paid: true }), hooksUsed: [] })).toEqual([expect.objectContaining({ code: 'no_personal_hook', severity: 'warning' })]);
  });
  it('over the limit, counted in code points', () => {
    expect(codes({ body: '🚀'.repeat(300) })).toEqual([]);
    expect(codes({ body: '🚀'.repeat(301) })).toEqual(['over_limit']);
    expect(codes({ body: 'x'.repeat(201), limit: channelLimit('connection_request', { paid: false }) })).toEqual(['over_limit']);
  });
  it('InMail: missing subject, and a warning over 400 characters', () => {
    const inmail = { step: 'inmail' as const, limit: channelLimit('inmail', { paid: true }) };
    expect(codes({ ...inmail, subject: '' })).toEqual(['missing_subject']);
    expect(codes({ ...inmail, subject: 'Hi', body: 'a '.repeat(200) + 'b' })).toEqual(['inmail_over_400']);
    expect(codes({ ...inmail, subject: 'Hi', body: 'a '.repeat(199) + 'b' })).toEqual([]);
  });
  it('unresolved placeholders and template syntax', () => {
    expect(codes({ body: 'Hi [First Name], great work at {company}' })).toEqual(['unresolved_placeholder', 'unresolved_placeholder']);
    expect(codes({ body: 'Hi {{ name }}' })).toEqual(['unresolved_placeholder']);
  });
  it('spammy phrases and shouting are warnings', () => {
    const f = lintMessage({ ...base, body: 'Hi Ana, an AMAZING opportunity for a rockstar at Acme!!! ACT NOW' });
    expect(f.map((x) => [x.code, x.severity, x.details?.phrase])).toEqual([
      ['spammy_phrase', 'warning', 'act now'],
      ['spammy_phrase', 'warning', 'amazing opportunity'],
      ['spammy_phrase', 'warning', 'rockstar'],
      ['spammy_phrase', 'warning', 'three or more ! or ? in a row'],
    ]);
    expect(hasLintErrors(f)).toBe(false);
    expect(codes({ body: 'Hi Ana, I trusted the freedom of Acme.' })).toEqual([]);
  });
  it('empty and unknown variables are errors naming the variable', () => {
    const f = lintMessage({ ...base, emptyOutputs: ['{{ candidate.city }}'], unknownVariables: ['candidate.frist_name'] });
    expect(f.map((x) => x.code)).toEqual(['unknown_variable', 'empty_variable']);
    expect(f[0]!.message).toContain('candidate.frist_name');
    expect(f[1]!.message).toContain('{{ candidate.city }}');
  });
  it('every finding has a known severity and a message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), fc.constantFrom('connection_note', 'follow_up', 'inmail', 'email' as const), (body, step) => {
        const f = lintMessage({ ...base, step, body });
        return f.every((x) => (x.severity === 'error' || x.severity === 'warning') && x.message.length > 0);
      }),
    );
  });
});

describe('near-duplicate notes across a batch', () => {
  const note = (name: string, n: number) => `Hi ${name}, I see we have ${n} mutual connections. I'm hiring a Staff Engineer at Initech and thought of you. Would be great to connect!`;
  it('notes that differ only in the name (and numbers) are grouped', () => {
    const f = lintBatch([
      { key: '1', body: note('Ana', 4), names: ['Ana'] },
      { key: '2', body: note('Bo', 40), names: ['Bo'] },
      { key: '3', body: 'Hi Cy, your Rust work on the Tokio scheduler caught my eye. Fancy a chat about compilers?', names: ['Cy'] },
      { key: '4', body: note('Di', 4), names: ['Di'] },
    ]);
    expect(f).toEqual([expect.objectContaining({ code: 'near_duplicate', severity: 'warning', keys: ['1', '2', '4'] })]);
  });
  it('distinct notes are not flagged', () => {
    expect(
      lintBatch([
        { key: '1', body: 'Congrats on the promotion to Staff Engineer at Acme! I am hiring for a data platform role.', names: [] },
        { key: '2', body: 'We both studied at ETH Zurich. Your Kafka talk last year was great; would love to connect.', names: [] },
      ]),
    ).toEqual([]);
  });
  it('identical texts with different names are always grouped, whatever the batch around them', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 80 }), { maxLength: 20 }), fc.array(fc.stringMatching(/^[a-z]{3,10}( [a-z]{2,8}){3,12}$/), { minLength: 1, maxLength: 1 }), (noise, [text]) => {
        const items = [...noise.map((t, i) => ({ key: `n${i}`, text: t, names: [] })), { key: 'x', text: `Hi Xavier, ${text}`, names: ['Xavier'] }, { key: 'y', text: `Hi Yolanda, ${text}`, names: ['Yolanda'] }];
        const groups = findNearDuplicates(items);
        return groups.some((g) => g.includes('x') && g.includes('y'));
      }),
      { numRuns: 100 },
    );
  });
});
