import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileTemplate, parseOptionalArgs, recordHookRead, renderTemplate, withArticle, type CompiledTemplate } from './template-engine.ts';
import { parseTemplateSource } from './message-template.ts';
import { buildTemplateScope } from './template-scope.ts';
import { candidateInputSchema } from '../candidates/candidate.ts';
import type { PersonalHook } from './personal-hook.ts';

function compile(body: string, subject: string | null = null): CompiledTemplate {
  const r = compileTemplate({ name: 't', step: null, intent: '', subject, body });
  if (!r.ok) throw new Error(r.message);
  return r.compiled;
}

function render(body: string, scope: Record<string, unknown>, drop: string[] = []) {
  return renderTemplate(compile(body), scope, new Set(drop));
}

describe('template engine', () => {
  it('renders Liquid variables with fallbacks', () => {
    expect(render('Hi {{ c.name | default: "there" }}!', { c: { name: '' } }).body).toBe('Hi there!');
    expect(render('Hi {{ c.name | default: "there" }}!', { c: { name: 'Ana' } }).body).toBe('Hi Ana!');
  });

  it('an optional segment disappears when a value inside it is empty, and is reported as missing', () => {
    const r = render('A{% optional name: "city" %} in {{ c.city }}{% endoptional %}.', { c: { city: '' } });
    expect(r.body).toBe('A.');
    expect(r.missing.map((s) => s.name)).toEqual(['city']);
    expect(r.emptyOutputs).toEqual([]);
    const kept = render('A{% optional name: "city" %} in {{ c.city }}{% endoptional %}.', { c: { city: 'Oslo' } });
    expect(kept.body).toBe('A in Oslo.');
    expect(kept.kept.map((s) => s.name)).toEqual(['city']);
  });

  it('a missing inner segment leaves the outer one in place', () => {
    const r = render('{% optional name: "outer" %}X{% optional name: "inner" %}{{ a }}{% endoptional %}Y{% endoptional %}', { a: null });
    expect(r.body).toBe('XY');
    expect(r.missing.map((s) => s.name)).toEqual(['inner']);
    expect(r.kept.map((s) => s.name)).toEqual(['outer']);
  });

  it('dropping a segment removes it and everything nested in it', () => {
    const src = 'a{% optional %} b{% optional %} c{% endoptional %}{% endoptional %} d';
    expect(render(src, {}).body).toBe('a b c d');
    expect(render(src, {}, ['body#2']).body).toBe('a b d');
    expect(render(src, {}, ['body#1']).body).toBe('a d');
  });

  it('reports outputs that render empty outside optional segments, as written', () => {
    const r = render('Hi {{ candidate.first_name }}, {{ role.title }}', { candidate: { first_name: '' } });
    expect(r.emptyOutputs).toEqual(['{{ candidate.first_name }}', '{{ role.title }}']);
  });

  it('counts a hook as used only when text reading it stays in the message', () => {
    const hook: PersonalHook = { kind: 'skill_match', skill: 'Rust', strength: 0.6, text: 'your Rust experience', evidence: ['Rust'] };
    const scope = buildTemplateScope({ candidate: candidateInputSchema.parse({}), seat: { name: 'Jo' }, hooks: [hook], primaryHook: hook }, recordHookRead);
    const used = renderTemplate(compile('{% if hook.kind == "skill_match" %}Your {{ hook.skill }}{% endif %}'), scope, new Set());
    expect([...used.hooksRead]).toEqual(['skill_match']);
    const onlyKind = renderTemplate(compile('{% if hook.kind %}x{% endif %}'), scope, new Set());
    expect([...onlyKind.hooksRead]).toEqual([]);
    const dropped = renderTemplate(compile('{% optional %}Your {{ hooks.skill_match.skill }}{% endoptional %}'), scope, new Set(['body#1']));
    expect([...dropped.hooksRead]).toEqual([]);
    const selfDropped = renderTemplate(compile('{% optional %}Your {{ hooks.skill_match.skill }} in {{ role.title }}{% endoptional %}'), scope, new Set());
    expect([...selfDropped.hooksRead]).toEqual([]);
  });

  it('refuses include, render and layout (no file system), and unknown filters', () => {
    for (const src of ['{% include "x" %}', '{% render "/etc/passwd" %}', '{% layout "x" %}', '{% echo a %}']) {
      const r = compileTemplate({ name: 'evil', step: null, intent: '', subject: null, body: src });
      expect(r.ok, src).toBe(false);
      if (!r.ok) expect(r.message).toContain("template 'evil'");
    }
    expect(compileTemplate({ name: 'x', step: null, intent: '', subject: null, body: '{{ a | nosuchfilter }}' }).ok).toBe(false);
    expect(compileTemplate({ name: 'x', step: null, intent: '', subject: null, body: '{% optional %}never closed' }).ok).toBe(false);
    expect(compileTemplate({ name: 'x', step: null, intent: '', subject: null, body: '{% optional priority: high %}x{% endoptional %}' }).ok).toBe(false);
  });

  it('cannot reach JavaScript: no prototype properties, no constructors', () => {
    const out = render('{{ c.constructor }}{{ c.__proto__ }}{{ c.toString }}{{ s.length }}', { c: {}, s: 'abc' });
    expect(out.body).not.toMatch(/function|Object|native/);
  });

  it('stops runaway loops with the render and memory limits', () => {
    expect(() => render('{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}', {})).toThrow();
  });

  it('lists the variables a template reads and whether it uses `hook`', () => {
    const c = compile('{{ candidate.first_name }} {% if hook %}{{ hook.text }}{% endif %}', '{{ role.title }}');
    expect(c.variables).toEqual(expect.arrayContaining([['candidate', 'first_name'], ['hook', 'text'], ['role', 'title']]));
    expect(c.usesPrimaryHook).toBe(true);
    expect(compile('{{ candidate.first_name }}').usesPrimaryHook).toBe(false);
  });
});

describe('optional segment arguments', () => {
  it('parses priority and name in any order, with defaults', () => {
    expect(parseOptionalArgs('')).toEqual({ priority: 1, name: null });
    expect(parseOptionalArgs('priority: 3, name: "school"')).toEqual({ priority: 3, name: 'school' });
    expect(parseOptionalArgs("name: 'x', priority: 0")).toEqual({ priority: 0, name: 'x' });
    expect(typeof parseOptionalArgs('weight: 2')).toBe('string');
  });
});

describe('template header', () => {
  it('reads name, step, intent and subject from the --- header', () => {
    const r = parseTemplateSource('---\nname: my-note\nstep: inmail\nintent: "say hi"\nsubject: Hi {{ candidate.first_name }}\n---\nBody {{ x }}\n', 'file');
    expect(r).toEqual({ ok: true, template: { name: 'my-note', step: 'inmail', intent: 'say hi', subject: 'Hi {{ candidate.first_name }}', body: 'Body {{ x }}\n' } });
  });
  it('a template without a header is all body, named by the caller', () => {
    expect(parseTemplateSource('Hello', 'f.liquid')).toEqual({ ok: true, template: { name: 'f.liquid', step: null, intent: '', subject: null, body: 'Hello' } });
  });
  it('refuses unknown keys, unknown steps and an unclosed header', () => {
    expect(parseTemplateSource('---\nfoo: 1\n---\nx', 'f').ok).toBe(false);
    expect(parseTemplateSource('---\nstep: fax\n---\nx', 'f').ok).toBe(false);
    expect(parseTemplateSource('---\nname: x\nbody', 'f').ok).toBe(false);
  });
});

describe('with_article', () => {
  it('picks a or an', () => {
    expect(withArticle('Staff Engineer')).toBe('a Staff Engineer');
    expect(withArticle('Engineering Manager')).toBe('an Engineering Manager');
    expect(withArticle('SRE')).toBe('an SRE');
    expect(withArticle('UX Designer')).toBe('a UX Designer');
    expect(withArticle('User Researcher')).toBe('a User Researcher');
    expect(withArticle('')).toBe('');
  });
  it('always prefixes exactly one article to the trimmed text', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), (s) => /^(a|an) /.test(withArticle(s)) && withArticle(s).endsWith(s.trim())));
  });
});

describe('what the template itself wrote (templateText)', () => {
  it('blanks every value, also inside optional segments, kept or not, and keeps literals an output shows', () => {
    const r = render('Hi {{ c.name }}!{% optional %} From {{ c.city }}.{% endoptional %}{% optional %} {{ c.none }}{% endoptional %} {{ c.x | default: "[X]" }}', { c: { name: '{{ a }}', city: '[City]', x: '' } });
    expect(r.body).toBe('Hi {{ a }}! From [City]. [X]');
    expect(r.templateText.body).toBe('Hi \uFFFC! From \uFFFC. \uFFFC[X]\uFFFC');
    expect(r.templateText.subject).toBeNull();
  });

  it('property: blanking the values of any scope leaves the same template text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        const src = '[{{ v.a }}]{% optional %} - {{ v.b }}{% endoptional %} {% for s in v.list %}<{{ s }}>{% endfor %}';
        const one = render(src, { v: { a, b, list: [c, c] } });
        const other = render(src, { v: { a: 'x', b: 'y', list: ['z', 'z'] } });
        if (b.trim() !== '') expect(one.templateText.body).toBe(other.templateText.body);
        expect(one.templateText.body.startsWith('[\uFFFC]')).toBe(true);
      }),
    );
  });
});

describe('profile values are data, never template code', () => {
  const hostile = ["{{ 7*7 }}", "{{ 'x' | append: 'y' }}", '{% assign a = 1 %}{{ a }}', '{% raw %}{{ 1 }}{% endraw %}', "{% include 'x' %}", '<script>window.__pwned=1</script>', '{{', '%}'];

  it('a value holding Liquid comes out as the literal text', () => {
    for (const v of hostile) {
      expect(render('Hi {{ c.name }}!', { c: { name: v } }).body).toBe(`Hi ${v}!`);
      expect(render('{% optional %}at {{ c.city }}{% endoptional %}', { c: { city: v } }).body).toBe(`at ${v}`);
    }
  });

  it('property: any string value renders as itself, whatever Liquid it holds', () => {
    const liquidish = fc.array(fc.constantFrom('{{', '}}', '{%', '%}', ' assign ', ' a = 1 ', ' 7*7 ', "'x' | append: 'y'", 'raw', 'endraw', 'x', ' '), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(liquidish, fc.string()), (v) => {
        expect(render('[{{ c.v }}]', { c: { v } }).body).toBe(`[${v}]`);
      }),
    );
  });

  it('a composed message shows a hostile name, headline and skill literally (the real scope and default templates)', async () => {
    const { composeMessage } = await import('./compose-message.ts');
    const candidate = {
      id: 9,
      ...candidateInputSchema.parse({
        firstName: "{{ 'x' | append: 'y' }}",
        lastName: '{% assign a = 1 %}',
        headline: '{{ 7*7 }} engineer',
        skills: ['{{ 7*7 }}', 'Go'],
        positions: [{ title: '{{ 7*7 }} Engineer', company: "{% raw %}Acme{% endraw %}", start: '2021-09', end: null }],
        location: { city: '{{ 7*7 }}' },
      }),
    };
    const r = composeMessage({ step: 'inmail', candidate, seat: { name: 'Jane Doe', paid: true, employers: [], schools: [] }, role: { title: 'Principal Engineer', company: 'Initech', skills: ['Go'], location: 'Berlin', pitch: 'We build payments.' }, asOf: '2025-06-15' });
    if (!r.ok) throw new Error(r.message);
    const text = `${r.subject ?? ''}\n${r.body}`;
    expect(text).toContain("{{ 'x' | append: 'y' }}");
    expect(text).not.toMatch(/\bxy\b|\b49\b/);
  });
});
