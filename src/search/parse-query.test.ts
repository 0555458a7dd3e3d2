import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAppError } from '../core/app-error.ts';
import { maxQueryDepth, maxQueryLength, parseQuery, parseQueryOrThrow } from './parse-query.ts';
import { formatQuery } from './format-query.ts';
import { andNode, flagNode, notNode, orNode, termNode, type QueryNode } from './query-ast.ts';
import { searchFieldNames } from './search-fields.ts';

function parsed(q: string): QueryNode {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(`unexpected error for ${q}: ${r.error.message} at ${r.error.column}`);
  return r.query;
}

function failure(q: string): { message: string; column: number } {
  const r = parseQuery(q);
  if (r.ok) throw new Error(`expected an error for ${q}, got ${formatQuery(r.query)}`);
  return r.error;
}

const w = (...words: string[]) => termNode(words);

describe('parseQuery: words, phrases, prefixes', () => {
  it('parses a word, folding case and diacritics', () => {
    expect(parsed('José')).toEqual(w('jose'));
  });

  it('turns a word with punctuation into the phrase of its parts', () => {
    expect(parsed('front-end')).toEqual(w('front', 'end'));
    expect(parsed('e-commerce')).toEqual(w('e', 'commerce'));
    expect(parsed('front-end')).toEqual(parsed('"front end"'));
  });

  it('keeps protected tech tokens whole', () => {
    expect(parsed('C++')).toEqual(w('c++'));
    expect(parsed('.NET')).toEqual(w('.net'));
    expect(parsed('T-SQL')).toEqual(w('t-sql'));
    expect(parsed('"C# developer"')).toEqual(w('c#', 'developer'));
  });

  it('accepts straight and curly quotes for phrases', () => {
    expect(parsed('"software engineer"')).toEqual(w('software', 'engineer'));
    expect(parsed('\u201Csoftware engineer\u201D')).toEqual(w('software', 'engineer'));
  });

  it('parses a prefix, also on the last word of a phrase', () => {
    expect(parsed('engineer*')).toEqual(termNode(['engineer'], { prefix: true }));
    expect(parsed('"senior eng*"')).toEqual(termNode(['senior', 'eng'], { prefix: true }));
    expect(parsed('front-en*')).toEqual(termNode(['front', 'en'], { prefix: true }));
  });

  it('treats lower-case and, or, not as words', () => {
    expect(parsed('research and development')).toEqual(andNode([w('research'), w('and'), w('development')]));
    expect(parsed('or not')).toEqual(andNode([w('or'), w('not')]));
  });
});

describe('parseQuery: operators and precedence', () => {
  it('joins adjacent terms with AND', () => {
    expect(parsed('java spring')).toEqual(parsed('java AND spring'));
    expect(parsed('java spring')).toEqual(andNode([w('java'), w('spring')]));
  });

  it('binds AND tighter than OR', () => {
    expect(parsed('a OR b AND c')).toEqual(orNode([w('a'), andNode([w('b'), w('c')])]));
    expect(parsed('a OR b AND c')).toEqual(parsed('a OR (b AND c)'));
  });

  it('binds NOT tighter than AND', () => {
    expect(parsed('NOT a AND b')).toEqual(andNode([notNode(w('a')), w('b')]));
    expect(parsed('NOT a AND b')).toEqual(parsed('(NOT a) AND b'));
  });

  it('accepts NOT first, alone, and after a term without AND', () => {
    expect(parsed('NOT manager')).toEqual(notNode(w('manager')));
    expect(parsed('java NOT manager')).toEqual(andNode([w('java'), notNode(w('manager'))]));
    expect(parsed('NOT (a OR b)')).toEqual(notNode(orNode([w('a'), w('b')])));
  });

  it('reads +word as word and -word as NOT word', () => {
    expect(parsed('+java -manager')).toEqual(parsed('java NOT manager'));
    expect(parsed('-"project manager"')).toEqual(notNode(w('project', 'manager')));
    expect(parsed('-(a OR b)')).toEqual(notNode(orNode([w('a'), w('b')])));
    expect(parsed('-title:manager')).toEqual(notNode(termNode(['manager'], { field: 'title' })));
  });

  it('removes double negation', () => {
    expect(parsed('NOT NOT java')).toEqual(w('java'));
    expect(parsed('NOT -java')).toEqual(w('java'));
  });

  it('groups with parentheses', () => {
    expect(parsed('(java OR kotlin) AND (spring OR quarkus)')).toEqual(
      andNode([orNode([w('java'), w('kotlin')]), orNode([w('spring'), w('quarkus')])]),
    );
  });
});

describe('parseQuery: fields', () => {
  it('restricts a word, a phrase or a group to a field', () => {
    expect(parsed('title:engineer')).toEqual(termNode(['engineer'], { field: 'title' }));
    expect(parsed('title:"software engineer"')).toEqual(termNode(['software', 'engineer'], { field: 'title' }));
    expect(parsed('skill:(java OR NOT kotlin)')).toEqual(
      orNode([termNode(['java'], { field: 'skill' }), notNode(termNode(['kotlin'], { field: 'skill' }))]),
    );
    expect(parsed('title:(a (b c))')).toEqual(parsed('title:a AND (title:b AND title:c)'));
  });

  it('reads field names case-insensitively', () => {
    expect(parsed('TITLE:Engineer')).toEqual(parsed('title:engineer'));
    expect(parsed('CurrentCompany:acme')).toEqual(termNode(['acme'], { field: 'currentcompany' }));
  });

  it('knows every field of the spec table', () => {
    expect(searchFieldNames).toEqual(['name', 'headline', 'title', 'currenttitle', 'company', 'currentcompany', 'school', 'skill', 'location', 'summary']);
    for (const f of searchFieldNames) expect(parsed(`${f}:x`)).toEqual(termNode(['x'], { field: f }));
  });

  it('refuses an unknown field and lists the known ones', () => {
    const e = failure('java skills:python');
    expect(e.column).toBe(6);
    expect(e.message).toContain('unknown field "skills:"');
    for (const f of searchFieldNames) expect(e.message).toContain(`${f}:`);
  });

  it('refuses a field inside a field group', () => {
    const e = failure('title:(engineer OR company:acme)');
    expect(e.column).toBe(20);
    expect(e.message).toContain('cannot contain another field');
    expect(failure('title:company:acme').column).toBe(7);
  });

  it('refuses a field with nothing glued after it', () => {
    expect(failure('title: engineer')).toMatchObject({ column: 1 });
    expect(failure('java title:')).toMatchObject({ column: 6 });
    expect(failure('title:-java').message).toContain('NOT title:java');
  });
});

describe('parseQuery: LinkedIn flag filters', () => {
  it('parses openProfile, openToWork and degree in any case, anywhere a term may stand', () => {
    expect(parsed('java openProfile:true')).toEqual(andNode([w('java'), flagNode({ flag: 'openProfile', value: true })]));
    expect(parsed('OPENTOWORK:False')).toEqual(flagNode({ flag: 'openToWork', value: false }));
    expect(parsed('java OR NOT degree:3')).toEqual(orNode([w('java'), notNode(flagNode({ flag: 'degree', value: 3 }))]));
    expect(parsed('-openprofile:true')).toEqual(notNode(flagNode({ flag: 'openProfile', value: true })));
  });

  it('accepts a group of values: degree:(1 OR 2)', () => {
    expect(parsed('degree:(1 OR 2)')).toEqual(orNode([flagNode({ flag: 'degree', value: 1 }), flagNode({ flag: 'degree', value: 2 })]));
  });

  it.each([
    ['openProfile:yes', '"openProfile:" takes true or false, not "yes"', 13],
    ['java degree:4', '"degree:" takes 1, 2 or 3, not "4"', 13],
    ['degree:(1 OR 5)', '"degree:" takes 1, 2 or 3, not "5"', 14],
    ['openToWork:"true"', '"openToWork:" takes true or false, not the phrase "true"', 12],
    ['openProfile:tru*', '"openProfile:" takes true or false, not "tru*"', 13],
    ['openProfile: true', '"openProfile:" must be followed directly by true or false', 1],
    ['java openProfile:', '"openProfile:" must be followed directly by true or false', 6],
    ['title:(java openProfile:true)', 'the field "openProfile:" is inside the group of "title:" at column 1', 13],
    ['degree:(2 title:java)', 'the field "title:" is inside the group of "degree:" at column 1', 11],
  ])('refuses %s with the column of the problem', (q, message, column) => {
    const e = failure(q);
    expect(e.message).toContain(message);
    expect(e.column).toBe(column);
  });

  it('lists the filters with the fields when a field is unknown', () => {
    expect(failure('opentowrk:true').message).toContain('openProfile:true|false, openToWork:true|false, degree:1|2|3');
  });
});

describe('parseQuery: errors name the problem and the column', () => {
  const cases: Array<[string, number, RegExp]> = [
    ['(java OR python', 1, /parenthesis is never closed/],
    ['java OR python)', 15, /closing parenthesis has no opening/],
    ['((a) b', 1, /never closed/],
    // the end inside an open group is an unclosed parenthesis at its column, not "the query is empty" at column 1
    ['java AND (', 10, /parenthesis is never closed and has nothing inside/],
    ['(', 1, /parenthesis is never closed and has nothing inside/],
    ['title:(', 7, /never closed/],
    ['"software engineer', 1, /quote is never closed/],
    ['java "a" "b', 10, /quote is never closed/],
    ['java AND', 6, /AND is missing a term after it/],
    ['OR python', 1, /OR is missing a term before it/],
    ['(AND)', 2, /AND is missing a term before it/],
    ['java AND OR python', 6, /AND is missing a term after it/],
    ['java OR', 6, /OR is missing a term after it/],
    ['java NOT', 6, /NOT is missing a term after it/],
    ['NOT', 1, /NOT is missing a term after it/],
    ['java AND NOT)', 10, /NOT is missing a term after it/],
    ['', 1, /empty/],
    ['   ', 1, /empty/],
    ['()', 1, /empty group/],
    ['java AND ()', 10, /empty group/],
    ['*', 1, /bare "\*"/],
    ['java *', 6, /bare "\*"/],
    ['"*"', 2, /bare "\*"/],
    ['eng*ineer', 4, /can only end a word/],
    ['"eng* lead"', 5, /can only end a word/],
    ['""', 1, /empty phrase/],
    ['java && python', 6, /no letters or digits.*AND, OR, NOT/],
    ['java -', 6, /no letters or digits/],
    ['"--"', 1, /no letters or digits/],
  ];
  for (const [query, column, message] of cases) {
    it(`${JSON.stringify(query)} → column ${column}`, () => {
      const e = failure(query);
      expect(e.message).toMatch(message);
      expect(e.column).toBe(column);
    });
  }

  it('refuses a query longer than 4,000 characters', () => {
    expect(parseQuery('a '.repeat(maxQueryLength / 2)).ok).toBe(true);
    const e = failure(`${'a '.repeat(maxQueryLength / 2)}b`);
    expect(e.column).toBe(maxQueryLength + 1);
    expect(e.message).toContain('4000');
  });

  it('counts the length in characters, not UTF-16 units', () => {
    expect(parseQuery('日'.repeat(maxQueryLength)).ok).toBe(true);
    expect(parseQuery('𠀀'.repeat(maxQueryLength)).ok).toBe(true);
  });

  it('refuses parentheses nested deeper than 32 levels', () => {
    const ok = `${'('.repeat(maxQueryDepth)}java${')'.repeat(maxQueryDepth)}`;
    expect(parseQuery(ok).ok).toBe(true);
    const e = failure(`${'('.repeat(maxQueryDepth + 1)}java${')'.repeat(maxQueryDepth + 1)}`);
    expect(e.column).toBe(maxQueryDepth + 1);
    expect(e.message).toContain('32');
    expect(failure(`title:${'('.repeat(maxQueryDepth + 1)}x${')'.repeat(maxQueryDepth + 1)}`).message).toContain('nested');
  });

  it('counts columns in characters after astral characters', () => {
    expect(failure('𠀀 AND').column).toBe(3);
  });

  it('gives an AppError with code query_syntax at the boundary', () => {
    try {
      parseQueryOrThrow('java AND');
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err)).toBe(true);
      expect(err).toMatchObject({ code: 'query_syntax', details: { column: 6, query: 'java AND' } });
    }
  });
});

describe('parseQuery: never crashes', () => {
  const queryAlphabet = fc.constantFrom(
    'a', 'b', 'java', ' ', ' ', '(', ')', '"', '\u201C', '\u201D', '*', '+', '-', ':', 'title:', 'Title:', 'foo:', 'AND', 'OR', 'NOT',
    'and', 'c++', '.net', '#', '&', '/', 'é', '𠀀', '\t', '\n', '\\', "'",
  );

  it('property: random strings give a query or a query error, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.array(queryAlphabet, { maxLength: 40 }).map((a) => a.join(''))), (q) => {
        const r = parseQuery(q);
        if (!r.ok) {
          expect(typeof r.error.message).toBe('string');
          expect(r.error.message.length).toBeGreaterThan(0);
          expect(r.error.column).toBeGreaterThanOrEqual(1);
          expect(r.error.column).toBeLessThanOrEqual(Array.from(q).length + 1);
        }
      }),
      { numRuns: 20000 },
    );
  });

  it('property: a parsed query prints to text that parses to the same tree', () => {
    fc.assert(
      fc.property(fc.array(queryAlphabet, { maxLength: 40 }).map((a) => a.join('')), (q) => {
        const r = parseQuery(q);
        if (r.ok) expect(parsed(formatQuery(r.query))).toEqual(r.query);
      }),
      { numRuns: 20000 },
    );
  });

  it('handles pathological inputs at the limits', () => {
    for (const q of ['('.repeat(4000), ')'.repeat(4000), 'NOT '.repeat(1000), '-'.repeat(4000), '"'.repeat(4000), 'a OR '.repeat(799) + 'a', 'title:'.repeat(600)]) {
      const r = parseQuery(q);
      expect(typeof r.ok).toBe('boolean');
    }
  });
});
