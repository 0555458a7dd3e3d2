import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { candidateInputSchema, type CandidateInputLoose } from '../candidates/candidate.ts';
import { finishText } from './auto-fit.ts';
import { candidateArb, roleArb, seatArb } from './candidate-arbitrary.ts';
import { composeMessage, type ComposeInput, type ComposeSeat } from './compose-message.ts';
import { messageSteps } from './message-step.ts';
import type { MessageRole } from './message-role.ts';
import { normaliseMessageWhitespace } from './message-whitespace.ts';
import { extractHooks } from './extract-hooks.ts';
import { recordHookRead, renderTemplate } from './template-engine.ts';
import { resolveTemplate } from './template-ref.ts';
import { buildTemplateScope } from './template-scope.ts';

const asOf = '2025-06-15';
const paidSeat: ComposeSeat = { name: 'Jane Doe', paid: true, employers: ['Globex'], schools: [] };
const freeSeat: ComposeSeat = { ...paidSeat, paid: false };
const role: MessageRole = { title: 'Principal Engineer', company: 'Initech', skills: ['Go'], location: 'Berlin', pitch: 'We build the payments core for 3,000 merchants.' };

function candidate(input: CandidateInputLoose, id = 7) {
  return { id, ...candidateInputSchema.parse(input) };
}
const ana = candidate({ firstName: 'Ana', lastName: 'Lima', positions: [{ title: 'Staff Engineer', company: 'Acme', start: '2021-09', end: null }], skills: ['Go'], location: { city: 'Lisbon' } });

function ok(input: Partial<ComposeInput> & Pick<ComposeInput, 'step'>) {
  const r = composeMessage({ candidate: ana, seat: paidSeat, role, asOf, ...input });
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** The words of a text (letters and digits), for "never cuts a word" checks. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

describe('composeMessage', () => {
  it('keeps a role title as written in every step: "Senior .NET Engineer" never becomes "Senior.NET" (#16 item 1)', () => {
    const dotnet: MessageRole = { ...role, title: 'Senior .NET Engineer', skills: ['.NET', 'C#'] };
    for (const step of messageSteps) {
      const r = ok({ step, role: dotnet });
      const text = `${r.subject ?? ''}\n${r.body}`;
      expect(text, step).not.toMatch(/\S\.NET/);
      if (text.includes('.NET')) expect(text, step).toMatch(/(^|[\s(/])\.NET/);
    }
    expect(ok({ step: 'inmail', role: dotnet }).body).toContain('Senior .NET Engineer');
  });

  it('renders the default connection note within the limit, with a hook, lint clean', () => {
    const r = ok({ step: 'connection_note' });
    expect(r.channel).toBe('connection_request');
    expect(r.subject).toBeNull();
    expect(r.length).toBe([...r.body].length);
    expect(r.length).toBeLessThanOrEqual(300);
    expect(r.body).toContain('Hi Ana,');
    expect(r.body).toContain('Go');
    expect(r.hooksUsed).toEqual(['skill_match']);
    expect(r.lint).toEqual([]);
  });

  it('uses the strongest hook: a shared employer beats the current role', () => {
    const c = candidate({ firstName: 'Bo', positions: [{ title: 'Dev', company: 'Acme', start: '2020', end: null }, { title: 'Dev', company: 'Globex Inc', start: '2015-01', end: '2019-12' }] });
    const r = ok({ step: 'connection_note', candidate: c });
    expect(r.primaryHook).toBe('shared_employer');
    expect(r.body).toContain('we both worked at Globex Inc');
  });

  it('auto-fit on a free seat drops optional segments lowest priority first and says so', () => {
    const long = { ...role, title: 'Principal Distributed Systems Engineer, Payments Platform', location: 'Berlin, Germany (hybrid)' };
    const paid = ok({ step: 'connection_note', role: long });
    const free = ok({ step: 'connection_note', role: long, seat: freeSeat });
    expect(paid.length).toBeGreaterThan(200);
    expect(paid.droppedSegments.filter((d) => d.reason === 'fit')).toEqual([]);
    expect(free.length).toBeLessThanOrEqual(200);
    expect(free.droppedSegments.filter((d) => d.reason === 'fit').map((d) => d.name)).toEqual(['role location']);
    expect(free.body).not.toContain('(hybrid)');
    expect(free.body).toContain('Principal Distributed Systems Engineer');
  });

  it('without a role the role sentence disappears (missing value), and the note still fits and lints clean', () => {
    const r = ok({ step: 'connection_note', role: null });
    expect(r.droppedSegments).toEqual([expect.objectContaining({ name: 'role', reason: 'missing_value' })]);
    expect(r.body).not.toContain("I'm hiring");
    expect(r.lint).toEqual([]);
  });

  it('moves on to the next hook when the strongest one cannot fit', () => {
    const c = candidate({
      firstName: 'Cy',
      positions: [
        { title: 'Dev', company: 'Acme', start: '2020', end: null },
        { title: 'Dev', company: `Globex ${'Very Long Subsidiary Name '.repeat(7)}`, start: '2015-01', end: '2019-12' },
      ],
    });
    const seat = { ...freeSeat, employers: [c.positions[1]!.company] };
    const r = composeMessage({ step: 'connection_note', candidate: c, seat, role, asOf });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.hooks[0]!.kind).toBe('shared_employer');
      expect(r.primaryHook).not.toBe('shared_employer');
      expect(r.hooksUsed.length).toBeGreaterThan(0);
      expect(r.length).toBeLessThanOrEqual(200);
    }
  });

  it('refuses, naming template and candidate, when even the shortest version is over the limit', () => {
    const r = composeMessage({
      step: 'connection_note',
      template: { name: 'wordy', source: `Hi {{ candidate.first_name }}, ${'this sentence is mandatory. '.repeat(12)}` },
      candidate: ana,
      seat: freeSeat,
      asOf,
    });
    expect(r).toMatchObject({ ok: false, code: 'message_too_long' });
    if (!r.ok) {
      expect(r.message).toContain("template 'wordy'");
      expect(r.message).toContain('Ana Lima (#7)');
      expect(r.message).toMatch(/the body has \d+ characters \(limit 200\)/);
      expect(r).not.toHaveProperty('body');
    }
  });

  it('InMail: a subject within 200, mentions the earlier request, warns over 400 characters', () => {
    const short = ok({ step: 'inmail', role: { ...role, pitch: '' } });
    expect(short.subject).toBe('Following up: Principal Engineer at Initech');
    expect(short.body).toContain('connection request');
    expect(short.lint).toEqual([]);
    const long = ok({ step: 'inmail', role: { ...role, pitch: 'We are a small team. '.repeat(12) } });
    expect(long.lint.map((l) => l.code)).toEqual(['inmail_over_400']);
    expect(long.length).toBeLessThanOrEqual(1900);
  });

  it('the subject is fitted to its own limit', () => {
    const r = ok({ step: 'inmail', role: { ...role, title: 'Engineer '.repeat(25).trim() } });
    expect(r.subjectLength!).toBeLessThanOrEqual(200);
    expect(r.subject).toBe('Following up');
    expect(r.droppedSegments).toContainEqual(expect.objectContaining({ part: 'subject', reason: 'fit' }));
  });

  it('follow-up and email render with their defaults', () => {
    const f = ok({ step: 'follow_up' });
    expect(f.channel).toBe('message');
    expect(f.body).toContain('Thanks for connecting!');
    const e = ok({ step: 'email' });
    expect(e.channel).toBe('email');
    expect(e.subject).toBe('Principal Engineer at Initech');
    expect(e.body).toContain('Jane Doe');
  });

  it('a template error names the template; a template for another step is refused', () => {
    const broken = composeMessage({ step: 'follow_up', template: { name: 'broken', source: '{% if %}' }, candidate: ana, seat: paidSeat, asOf });
    expect(broken).toMatchObject({ ok: false, code: 'template_error' });
    if (!broken.ok) expect(broken.message).toContain("'broken'");
    expect(composeMessage({ step: 'follow_up', template: 'inmail', candidate: ana, seat: paidSeat, asOf })).toMatchObject({ ok: false, code: 'template_error' });
    expect(composeMessage({ step: 'follow_up', template: 'nope', candidate: ana, seat: paidSeat, asOf })).toMatchObject({ ok: false, code: 'template_error' });
  });

  it('lints unknown and empty variables of custom templates', () => {
    const r = ok({ step: 'follow_up', template: { source: 'Hi {{ candidate.frist_name }}, {{ hooks.skill_match.skill }} at {{ candidate.city }}{{ role.pitch }}' }, candidate: candidate({ firstName: 'Ana', skills: ['Go'] }) });
    const codes = r.lint.map((l) => `${l.code}:${String(l.details?.variable ?? l.details?.output ?? '')}`);
    expect(codes).toContain('unknown_variable:candidate.frist_name');
    expect(codes).toContain('empty_variable:{{ candidate.frist_name }}');
    expect(codes).toContain('empty_variable:{{ candidate.city }}');
    expect(r.hooksUsed).toEqual(['skill_match']);
  });

  it('variants: deterministic per candidate, forced by key, labelled in the result', () => {
    const variants = [
      { key: 'A', template: { source: 'Hi {{ candidate.first_name }}, A {{ hook.text }}' } },
      { key: 'B', template: { source: 'Hi {{ candidate.first_name }}, B {{ hook.text }}' } },
    ];
    const first = ok({ step: 'connection_note', variants });
    const again = ok({ step: 'connection_note', variants });
    expect(again.variant).toBe(first.variant);
    expect(first.body).toContain(` ${first.variant} `);
    const seen = new Set([1, 2, 3, 4].map((id) => ok({ step: 'connection_note', variants, candidate: { ...ana, id } }).variant));
    expect(seen).toEqual(new Set(['A', 'B']));
    expect(ok({ step: 'connection_note', variants, variantKey: 'B' }).variant).toBe('B');
    expect(composeMessage({ step: 'connection_note', variants, variantKey: 'C', candidate: ana, seat: paidSeat, asOf })).toMatchObject({ ok: false, code: 'template_error' });
  });
});

describe('composeMessage properties', () => {
  const stepArb = fc.constantFrom(...messageSteps);

  it('nothing over a limit is ever returned; a refusal names the template and the candidate', () => {
    fc.assert(
      fc.property(candidateArb, seatArb, roleArb, stepArb, (c, seat, r, step) => {
        const res = composeMessage({ step, candidate: c, seat, role: r, asOf });
        if (res.ok) {
          expect(res.length).toBeLessThanOrEqual(res.limit.body);
          expect(res.length).toBe([...res.body].length);
          if (res.subject !== null) expect([...res.subject].length).toBeLessThanOrEqual(res.limit.subject!);
          expect(normaliseMessageWhitespace(res.body)).toBe(res.body);
        } else {
          expect(res.code).toBe('message_too_long');
          expect(res.message).toContain(`#${c.id}`);
          expect(res.message).toMatch(/template '[a-z-]+'/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('auto-fit never cuts a word, and drops a segment only when the text was still over the limit', () => {
    fc.assert(
      fc.property(candidateArb, seatArb, roleArb, stepArb, (c, seat, r, step) => {
        const res = composeMessage({ step, candidate: c, seat, role: r, asOf });
        if (!res.ok) return;
        const compiled = (resolveTemplate(res.template) as { ok: true; compiled: Parameters<typeof renderTemplate>[0] }).compiled;
        const hooks = extractHooks({ candidate: c, seat, role: r, asOf });
        const primary = hooks.find((h) => h.kind === res.primaryHook) ?? null;
        const scope = buildTemplateScope({ candidate: c, seat, role: r, hooks, primaryHook: primary }, recordHookRead);
        const full = finishText(renderTemplate(compiled, scope, new Set()));
        const fullWords = new Set([...words(full.body), ...words(full.subject ?? '')]);
        for (const w of [...words(res.body), ...words(res.subject ?? '')]) expect(fullWords).toContain(w);
        const fitDrops = res.droppedSegments.filter((d) => d.reason === 'fit');
        if (fitDrops.length > 0) {
          const last = fitDrops[fitDrops.length - 1]!;
          const before = finishText(renderTemplate(compiled, scope, new Set(fitDrops.slice(0, -1).map((d) => d.id))));
          const over = last.part === 'body' ? before.bodyLength > res.limit.body : (before.subjectLength ?? 0) > res.limit.subject!;
          expect(over).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('composing is deterministic', () => {
    fc.assert(
      fc.property(candidateArb, seatArb, roleArb, stepArb, (c, seat, r, step) => {
        expect(composeMessage({ step, candidate: c, seat, role: r, asOf })).toEqual(composeMessage({ step, candidate: c, seat, role: r, asOf }));
      }),
      { numRuns: 50 },
    );
  });

  it('a message that mentions a hook never lints no_personal_hook, and one with no hooks always does on a connection note', () => {
    fc.assert(
      fc.property(candidateArb, seatArb, roleArb, (c, seat, r) => {
        const res = composeMessage({ step: 'connection_note', candidate: c, seat, role: r, asOf });
        if (!res.ok) return;
        const flagged = res.lint.some((l) => l.code === 'no_personal_hook');
        expect(flagged).toBe(res.hooksUsed.length === 0);
        if (res.hooks.length === 0) expect(flagged).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('profile text that looks like a template (#14 item 11)', () => {
  const placeholders = (r: { lint: Array<{ code: string }> }) => r.lint.filter((l) => l.code === 'unresolved_placeholder');
  /** Liquid, braces and bracketed "placeholders" as they turn up in real profiles (and in attacks). */
  const liquidish = fc
    .array(fc.constantFrom('{{', '}}', '{{ x }}', '{%', '%}', '{% if %}', '{% endif %}', '{% raw %}', '{', '}', '%', '[First Name]', '[Company]', '{first_name}', '<name>', 'x', 'if', 'Ana', '🚀', '|', 'default:'), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join(' '));

  it('a person whose headline, company and skills hold {{ }} and {% %} can be messaged on every step, the text shown literally', () => {
    const c = candidate({
      firstName: '{{ first }}',
      lastName: 'Lima',
      headline: 'Liquid templates: {{ page.title }} and {% if user %}hi{% endif %}',
      positions: [{ title: 'Shopify {% theme %} developer', company: '{Braces} & [Company] Ltd', start: '2021-09', end: null }],
      skills: ['{{ liquid }}', 'Go'],
      location: { city: 'Lisbon' },
    });
    for (const step of messageSteps) {
      const r = ok({ step, candidate: c });
      expect(placeholders(r)).toEqual([]);
      expect(r.lint.filter((l) => l.severity === 'error')).toEqual([]);
    }
    const note = ok({ step: 'connection_note', candidate: c });
    expect(note.body).toContain('Hi {{ first }},');
  });

  it('property: any candidate field content renders verbatim and never fails the placeholder lint', () => {
    const template = {
      name: 'all-fields',
      source:
        'Hi {{ candidate.first_name }} {{ candidate.last_name }}, I read "{{ candidate.headline }}". You are {{ candidate.title }} at {{ candidate.company }} in {{ candidate.city }}; {{ candidate.school }}; skills: {{ candidate.skills | join: " / " }}. {{ hook.text | default: "Hello" }}',
    };
    fc.assert(
      fc.property(fc.array(liquidish, { minLength: 8, maxLength: 8 }), fc.constantFrom(...messageSteps.filter((s) => s !== 'connection_note')), (v, step) => {
        const c = candidate({
          firstName: v[0],
          lastName: v[1],
          headline: v[2],
          positions: [{ title: v[3], company: v[4], start: '2020-01', end: null }],
          location: { city: v[5] },
          education: [{ school: v[6] }],
          skills: [v[7], 'Go'],
        });
        const r = ok({ step, candidate: c, template });
        expect(placeholders(r)).toEqual([]);
        for (const value of v) expect(r.body).toContain(value);
        expect(r.body).toContain(`${v[7]} / Go`);
      }),
      { numRuns: 200 },
    );
  });

  it('property: the default templates never fail the placeholder lint on any such profile', () => {
    fc.assert(
      fc.property(fc.array(liquidish, { minLength: 5, maxLength: 5 }), fc.constantFrom(...messageSteps), fc.boolean(), (v, step, paid) => {
        const c = candidate({ firstName: v[0], headline: v[1], positions: [{ title: v[2], company: v[3], start: '2019-01', end: null }], skills: [v[4]], location: { city: 'Lisbon' } });
        const r = composeMessage({ step, candidate: c, seat: paid ? paidSeat : freeSeat, role, asOf });
        if (r.ok) expect(placeholders(r)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("the template's own unresolved placeholders still fail, wherever the template writes them", () => {
    const found = (source: string, c = ana) => placeholders(ok({ step: 'follow_up', template: { source }, candidate: c })).map((f) => (f as { details?: { found?: string } }).details?.found);
    expect(found('Hi [First Name], {{ hook.text }}')).toEqual(['[First Name]']);
    expect(found('Hi {% raw %}{{ first_name }}{% endraw %}, {{ hook.text }}')).toEqual(['{{']);
    expect(found('Hi {first_name}, {{ hook.text }}')).toEqual(['{first_name}']);
    expect(found('Hi [company {{ candidate.company }}], {{ hook.text }}')).toEqual(['[company …]']);
    // a fallback the template gives is its own text: a placeholder there fails when it is used ...
    const nameless = candidate({ headline: 'Engineer', skills: ['Go'] });
    expect(found('Hi {{ candidate.first_name | default: "[First Name]" }}, {{ hook.text }}', nameless)).toEqual(['[First Name]']);
    expect(found('Hi {{ "{{ name }}" }}, {{ hook.text }}')).toEqual(['{{']);
    // ... and not when the candidate's value is there instead
    expect(found('Hi {{ candidate.first_name | default: "[First Name]" }}, {{ hook.text }}')).toEqual([]);
    // an unknown variable is still reported as such
    const unknown = ok({ step: 'follow_up', template: { source: 'Hi {{ candidate.nickname }}, {{ hook.text }}' } });
    expect(unknown.lint.map((l) => l.code)).toEqual(expect.arrayContaining(['unknown_variable', 'empty_variable']));
  });
});
