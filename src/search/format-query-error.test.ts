import { describe, expect, it } from 'vitest';
import { formatQueryError } from './format-query-error.ts';
import { parseQuery } from './parse-query.ts';

function render(q: string): string {
  const r = parseQuery(q);
  if (r.ok) throw new Error('expected an error');
  return formatQueryError(q, r.error);
}

describe('formatQueryError', () => {
  it('puts a caret under the column', () => {
    expect(render('java AND')).toBe('java AND\n     ^\nAND is missing a term after it (column 6)');
    expect(render('(java OR python')).toBe('(java OR python\n^\nthis parenthesis is never closed (column 1)');
  });

  it('keeps the caret aligned after tabs and astral characters', () => {
    const lines = render('𠀀\tjava OR').split('\n');
    expect(lines[0]).toBe('𠀀 java OR');
    expect(Array.from(lines[1]).length).toBe(8);
  });

  it('cuts a long query to a window around the column', () => {
    const q = `${'java OR '.repeat(60)}(python`;
    const [line, caret] = render(q).split('\n');
    expect(line.startsWith('…')).toBe(true);
    expect(Array.from(line).length).toBeLessThanOrEqual(74);
    expect(Array.from(line)[caret.length - 1]).toBe('(');
  });

  it('points past the end for a query that is too long', () => {
    const q = 'a'.repeat(4001);
    const [line, caret] = render(q).split('\n');
    expect(caret.length).toBeLessThanOrEqual(Array.from(line).length + 1);
    expect(render(q)).toContain('column 4001');
  });
});
