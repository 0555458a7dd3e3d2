import { describe, expect, it } from 'vitest';
import { documentMatches } from './evaluate-query.ts';
import { parseQueryOrThrow } from './parse-query.ts';
import { emptySearchDocument, type SearchDocument } from './search-document.ts';
import { maxOccurrences, tokenizeDocument } from './tokenized-document.ts';

function doc(fields: Partial<SearchDocument>): SearchDocument {
  return { ...emptySearchDocument(), ...fields };
}

function matches(query: string, d: SearchDocument): boolean {
  return documentMatches(parseQueryOrThrow(query), d);
}

const jose = doc({ name: ['José Álvarez'], headline: ['Senior Software Engineer at Acme'], skill: ['Java', 'Spring Boot'] });

describe('evaluateQuery: the spec examples', () => {
  it('ignores case and diacritics', () => {
    expect(matches('jose', jose)).toBe(true);
    expect(matches('JOSÉ alvarez', jose)).toBe(true);
  });

  it('does not stem', () => {
    expect(matches('engineering', jose)).toBe(false);
    expect(matches('engineer', doc({ headline: ['Engineering manager'] }))).toBe(false);
  });

  it('keeps C++ and C apart', () => {
    const cpp = doc({ skill: ['C++'] });
    const c = doc({ skill: ['C'] });
    expect(matches('C++', cpp)).toBe(true);
    expect(matches('C++', c)).toBe(false);
    expect(matches('C', cpp)).toBe(false);
    expect(matches('C', c)).toBe(true);
  });

  it('matches .NET to .net but not to net', () => {
    expect(matches('.NET', doc({ skill: ['.net'] }))).toBe(true);
    expect(matches('.NET', doc({ summary: ['I build the net for fishing'] }))).toBe(false);
    expect(matches('net', doc({ skill: ['.NET'] }))).toBe(false);
  });

  it('reads front-end as the phrase "front end"', () => {
    expect(matches('front-end', doc({ title: ['Front-End Developer'] }))).toBe(true);
    expect(matches('front-end', doc({ title: ['Front end developer'] }))).toBe(true);
    expect(matches('front-end', doc({ title: ['End of front'] }))).toBe(false);
    expect(matches('e-commerce', doc({ summary: ['E commerce platforms'] }))).toBe(true);
  });

  it('matches phrases adjacent and in order', () => {
    const d = doc({ title: ['Senior Software Engineer'] });
    expect(matches('"software engineer"', d)).toBe(true);
    expect(matches('"engineer software"', d)).toBe(false);
    expect(matches('"senior engineer"', d)).toBe(false);
    expect(matches('\u201Csoftware engineer\u201D', d)).toBe(true);
  });

  it('matches prefixes', () => {
    expect(matches('engineer*', doc({ headline: ['Engineering manager'] }))).toBe(true);
    expect(matches('engineer*', doc({ headline: ['Engine builder'] }))).toBe(false);
    expect(matches('"senior eng*"', doc({ title: ['Senior Engineer'] }))).toBe(true);
  });

  it('treats lower-case and/or/not as words', () => {
    expect(matches('research and development', doc({ summary: ['research, development'] }))).toBe(false);
    expect(matches('research and development', doc({ summary: ['research and development'] }))).toBe(true);
    expect(matches('java or python', doc({ skill: ['java'] }))).toBe(false);
  });

  it('applies AND, OR, NOT with the spec precedence', () => {
    const onlyA = doc({ skill: ['a'] });
    const onlyBC = doc({ skill: ['b', 'c'] });
    const onlyB = doc({ skill: ['b'] });
    expect(matches('a OR b AND c', onlyA)).toBe(true);
    expect(matches('a OR b AND c', onlyBC)).toBe(true);
    expect(matches('a OR b AND c', onlyB)).toBe(false);
    expect(matches('NOT a AND b', onlyB)).toBe(true);
    expect(matches('NOT a AND b', onlyA)).toBe(false);
  });

  it('lets NOT stand alone', () => {
    expect(matches('NOT manager', doc({ title: ['Engineer'] }))).toBe(true);
    expect(matches('NOT manager', doc({ title: ['Engineering Manager'] }))).toBe(false);
    expect(matches('NOT manager', emptySearchDocument())).toBe(true);
  });

  it('reads +word and -word', () => {
    expect(matches('+java -manager', jose)).toBe(true);
    expect(matches('+java -senior', jose)).toBe(false);
  });

  it('restricts terms to fields', () => {
    const d = doc({
      title: ['Engineering Manager', 'Software Engineer'],
      currenttitle: ['Engineering Manager'],
      company: ['Globex', 'Initech'],
      currentcompany: ['Globex'],
      summary: ['I managed Java teams'],
    });
    expect(matches('title:"software engineer"', d)).toBe(true);
    expect(matches('currenttitle:"software engineer"', d)).toBe(false);
    expect(matches('currenttitle:manager', d)).toBe(true);
    expect(matches('company:initech', d)).toBe(true);
    expect(matches('currentcompany:initech', d)).toBe(false);
    expect(matches('title:java', d)).toBe(false);
    expect(matches('java', d)).toBe(true);
    expect(matches('title:(manager OR java)', d)).toBe(true);
    expect(matches('title:(java OR initech)', d)).toBe(false);
  });

  it('never matches a phrase across two values of a field', () => {
    const d = doc({ title: ['Senior Manager', 'Engineer'] });
    expect(matches('title:"manager engineer"', d)).toBe(false);
    expect(matches('"manager engineer"', d)).toBe(false);
    expect(matches('"senior manager"', d)).toBe(true);
  });

  it('never matches a phrase across two fields', () => {
    const d = doc({ name: ['Ada Lovelace'], headline: ['Engineer'] });
    expect(matches('"lovelace engineer"', d)).toBe(false);
  });
});

describe('tokenizeDocument limits', () => {
  it('leaves out occurrences past the per-word limit, for every backend alike', () => {
    const d = doc({ summary: [`${'java '.repeat(maxOccurrences)}java spring`] });
    const t = tokenizeDocument(d);
    expect(t.summary[0][maxOccurrences]).toBeNull();
    expect(matches('"java spring"', d)).toBe(false);
    expect(matches('java', d)).toBe(true);
  });

  it('cuts documents with more positions than the index holds', () => {
    const d = doc({ headline: ['first'], summary: Array.from({ length: 20 }, (_, i) => `${Array.from({ length: 1000 }, (_, k) => `w${k % 200}`).join(' ')} v${i}`) });
    const t = tokenizeDocument(d);
    const positions = Object.values(t).flat().reduce((n, v) => n + v.length + 1, 0);
    expect(positions).toBeLessThanOrEqual(16384);
    expect(matches('first', d)).toBe(true);
    expect(matches('v19', d)).toBe(false);
  });
});

describe('evaluateQuery: LinkedIn flag filters', () => {
  const flagged = (q: string, flags: { openProfile?: boolean; openToWork?: boolean; degree?: 1 | 2 | 3 | null }) =>
    documentMatches(parseQueryOrThrow(q), jose, { openProfile: false, openToWork: false, degree: null, ...flags });

  it('filters on the profile flags, combined with the text like any term', () => {
    expect(flagged('java openProfile:true', { openProfile: true })).toBe(true);
    expect(flagged('java openProfile:true', { openProfile: false })).toBe(false);
    expect(flagged('openProfile:false', { openProfile: false })).toBe(true);
    expect(flagged('cobol OR openToWork:true', { openToWork: true })).toBe(true);
    expect(flagged('degree:(1 OR 2)', { degree: 2 })).toBe(true);
    expect(flagged('degree:(1 OR 2)', { degree: 3 })).toBe(false);
  });

  it('an unknown degree is no degree: NOT degree:2 keeps it, degree:2 does not', () => {
    expect(flagged('degree:2', { degree: null })).toBe(false);
    expect(flagged('NOT degree:2', { degree: null })).toBe(true);
  });

  it('without flags given, the profile has none set', () => {
    expect(matches('java openProfile:true', jose)).toBe(false);
    expect(matches('java NOT openToWork:true', jose)).toBe(true);
  });
});
