import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonSyntaxError, positionOf } from './json-syntax-error.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Text near JSON: JSON values with characters inserted, deleted or cut off, plus JSON-ish tokens at random. */
const nearJson = fc.oneof(
  fc.json(),
  fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '{', '[', '"', ':', '\\', 'x', '\n', '\u0001', '-', '.', 'e', '0', 'tru')).map(([j, at, ins]) => {
    const i = at % (j.length + 1);
    return j.slice(0, i) + ins + j.slice(i);
  }),
  fc.tuple(fc.json(), fc.nat()).map(([j, at]) => j.slice(0, at % (j.length + 1))),
  fc.tuple(fc.json(), fc.nat()).map(([j, at]) => {
    const i = at % Math.max(1, j.length);
    return j.slice(0, i) + j.slice(i + 1);
  }),
  fc.array(fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '1', '-0.5e3', 'true', 'null', ' ', '"\\u12"', '"\\q"', '01', '1.', '1e'), { maxLength: 12 }).map((t) => t.join('')),
);

describe('jsonSyntaxError', () => {
  it('finds an error exactly when JSON.parse refuses the text', () => {
    fc.assert(
      fc.property(nearJson, (text) => {
        expect(jsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports a position inside the text whose line and column locate it', () => {
    fc.assert(
      fc.property(nearJson, (text) => {
        const e = jsonSyntaxError(text);
        if (!e) return;
        expect(e.position).toBeGreaterThanOrEqual(0);
        expect(e.position).toBeLessThanOrEqual(text.length);
        const lines = text.slice(0, e.position).split('\n');
        expect(e.line).toBe(lines.length);
        expect(e.column).toBe(lines[lines.length - 1]!.length + 1);
        expect(e).toEqual({ ...e, ...positionOf(text, e.position) });
      }),
      { numRuns: 1000 },
    );
  });

  it('names the mistakes people make', () => {
    expect(jsonSyntaxError('')).toMatchObject({ position: 0, reason: expect.stringMatching(/empty/) });
    expect(jsonSyntaxError('{"a": 1,}')).toMatchObject({ position: 8, line: 1, column: 9, reason: expect.stringMatching(/property name/) });
    expect(jsonSyntaxError('{"a": 1}\n x')).toMatchObject({ position: 10, line: 2, column: 2, reason: expect.stringMatching(/after the end/) });
    expect(jsonSyntaxError('{"a": "b')).toMatchObject({ reason: expect.stringMatching(/string starting at line 1, column 7 is not closed/) });
    expect(jsonSyntaxError('[1, 2')).toMatchObject({ reason: expect.stringMatching(/array is not closed/) });
    expect(jsonSyntaxError("{'a': 1}")).toMatchObject({ position: 1, reason: expect.stringMatching(/double quotes/) });
  });

  it('reads a body nested far deeper than any stack without overflowing', () => {
    expect(jsonSyntaxError('['.repeat(200_000) + ']'.repeat(199_999))).toMatchObject({ reason: expect.stringMatching(/not closed/) });
  });
});
