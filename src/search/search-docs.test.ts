import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';
import { formatQuery } from './format-query.ts';

/** The recruiter docs show queries; every one of them must be a valid query that means what the page says. */
const doc = readFileSync(resolve(import.meta.dirname, '../../docs/search.md'), 'utf8');

function tableColumn(heading: string, column: number): string[] {
  const section = doc.split(`## ${heading}`)[1].split('\n## ')[0];
  return section
    .split('\n')
    .filter((l) => l.startsWith('|') && !l.startsWith('|---'))
    .slice(1)
    .map((l) => l.split(' | ')[column]?.replace(/^\| /, '').replace(/ \|$/, '').trim() ?? '')
    .map((cell) => cell.replace(/^`|`$/g, ''));
}

describe('docs/search.md', () => {
  it('every example query parses', () => {
    const examples = [...tableColumn('Examples', 1), ...tableColumn('Fields', 2), ...tableColumn('LinkedIn filters (Scoutline extension)', 2)];
    expect(examples.length).toBeGreaterThan(15);
    for (const q of examples) expect(parseQuery(q).ok, q).toBe(true);
  });

  it('the precedence table says what the parser does', () => {
    const section = doc.split('Tightest first')[1].split('When in doubt')[0];
    const rows = section.split('\n').filter((l) => l.trim().startsWith('| `'));
    expect(rows.length).toBe(3);
    for (const row of rows) {
      const [typed, meant] = row.split('|').slice(1, 3).map((c) => c.trim().replace(/^`|`$/g, ''));
      const a = parseQuery(typed);
      const b = parseQuery(meant);
      expect(a.ok && b.ok && formatQuery(a.query) === formatQuery(b.query), `${typed} = ${meant}`).toBe(true);
    }
  });
});
