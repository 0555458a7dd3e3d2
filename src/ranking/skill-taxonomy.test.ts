import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSkillTaxonomy, findSkillsInText, normaliseSkill, skillTaxonomy } from './skill-taxonomy.ts';
import { skillTaxonomyData } from './skill-taxonomy-data.ts';
import { normaliseTaxonomyText } from './taxonomy-text.ts';

describe('skill taxonomy', () => {
  it('has a few hundred entries and no alias naming two different skills', () => {
    expect(skillTaxonomyData.length).toBeGreaterThanOrEqual(250);
    const clashes = [...skillTaxonomy.byAlias.entries()].filter(([, list]) => list.length > 1).map(([alias]) => alias);
    expect(clashes).toEqual([]);
  });

  it.each([
    ['JS', 'JavaScript'],
    ['javascript', 'JavaScript'],
    ['k8s', 'Kubernetes'],
    ['Golang', 'Go'],
    ['Postgres', 'PostgreSQL'],
    ['node.js', 'Node.js'],
    ['C#', 'C#'],
    ['c++', 'C++'],
    ['Spring Boot 3', 'Spring'],
    ['Python (advanced)', 'Python'],
    ['Amazon Web Services', 'Amazon Web Services'],
    ['AWS', 'Amazon Web Services'],
  ])('normalises %s to %s', (raw, canonical) => {
    expect(normaliseSkill(raw).canonical).toBe(canonical);
  });

  it('keeps C, C++ and C# apart', () => {
    const keys = new Set(['C', 'C++', 'C#'].map((s) => normaliseSkill(s).key));
    expect(keys.size).toBe(3);
  });

  it('maps every alias of an entry to its canonical skill (property over the shipped data)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...skillTaxonomyData), (line) => {
        const parts = line.split('>')[0].split('|').map((p) => p.replace(/^[!~]/, ''));
        const canonical = normaliseSkill(parts[0]).canonical;
        for (const p of parts) expect(normaliseSkill(p).canonical).toBe(canonical);
        // case and surrounding spaces never matter
        expect(normaliseSkill(`  ${parts[0].toUpperCase()} `).canonical).toBe(canonical);
      }),
    );
  });

  it('is idempotent: normalising a canonical name gives itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...skillTaxonomy.skills), (s) => {
        expect(normaliseSkill(s.canonical).key).toBe(s.key);
      }),
    );
  });

  it('gives unknown skills a stable key from their own text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/), (s) => {
        const n = normaliseSkill(s);
        if (!n.known) expect(n.key).toBe(normaliseTaxonomyText(s));
      }),
    );
  });

  it('finds skills in prose, with case-sensitive short aliases and never-in-text aliases', () => {
    const found = findSkillsInText('We use Go, Kubernetes and Postgres; CI/CD and React.js. You will go to the office and send your CV.').map((s) => s.canonical);
    expect(found).toEqual(['Go', 'Kubernetes', 'PostgreSQL', 'CI/CD', 'React']);
    expect(findSkillsInText('ready to go').map((s) => s.canonical)).toEqual([]);
    expect(findSkillsInText('machine learning and deep learning').map((s) => s.canonical)).toEqual(['Machine learning', 'Deep learning']);
  });

  it('builds from custom data', () => {
    const t = buildSkillTaxonomy(['Foo|!FB|~fx>fam']);
    expect(findSkillsInText('FB and fb and fx and foo', t).map((s) => s.canonical)).toEqual(['Foo']);
    expect(normaliseSkill('fx', t).canonical).toBe('Foo');
  });
});
