import { describe, expect, it } from 'vitest';
import { applySuggestion, errorColumn, suggestFields as suggestAmong, type FieldInfo } from './query-assist.ts';

// the spec's fields, as GET /api/search/fields serves them (src/api/routes/search-routes.test.ts checks the server's list)
const fields: FieldInfo[] = ['name', 'headline', 'title', 'currenttitle', 'company', 'currentcompany', 'school', 'skill', 'location', 'summary'].map((name) => ({ name, description: name }));
const suggestFields = (query: string, cursor: number) => suggestAmong(query, cursor, fields);

describe('field suggestions', () => {
  it('offers every field after an unknown word and a colon, closest first', () => {
    const s = suggestFields('java titel:', 11);
    expect(s.length).toBe(10);
    expect(s[0].field.name).toBe('title');
    expect(applySuggestion('java titel:', s[0])).toEqual({ query: 'java title:', cursor: 11 });
  });

  it('completes a field name from its first letters', () => {
    expect(suggestFields('cur', 3).map((s) => s.field.name)).toEqual(['currenttitle', 'currentcompany']);
    expect(suggestFields('(sk', 3).map((s) => s.field.name)).toEqual(['skill']);
  });

  it('stays quiet for known fields, operators, phrases and single letters', () => {
    expect(suggestFields('title:', 6)).toEqual([]);
    expect(suggestFields('a', 1)).toEqual([]);
    expect(suggestFields('"sch', 4)).toEqual([]);
    expect(suggestFields('java AND na', 8)).toEqual([]);
  });

  it('reads the column from query_syntax details', () => {
    expect(errorColumn({ column: 6 })).toBe(6);
    expect(errorColumn({})).toBeNull();
    expect(errorColumn(undefined)).toBeNull();
    // the server saw '(java AND) AND location:"x"'; the user typed 'java AND'
    expect(errorColumn({ column: 10, query: '(java AND) AND location:"x"' }, 'java AND')).toBe(9);
    expect(errorColumn({ column: 3, query: 'a (' }, 'a (')).toBe(3);
  });
});
