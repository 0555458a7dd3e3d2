import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readJsonRecords, type RawJsonRecord } from './read-jsonresume-stream.ts';

async function read(chunks: Array<string | Uint8Array>, ndjson?: boolean): Promise<RawJsonRecord[]> {
  const out: RawJsonRecord[] = [];
  for await (const r of readJsonRecords(chunks, { ndjson })) out.push(r);
  return out;
}

/** The text cut into pieces at the given points (chunk boundaries must never matter). */
function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of at) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

describe('reading JSON records from a stream', () => {
  it('NDJSON: one record per line with its line number; a bad line is reported and the rest read', async () => {
    const text = '{"a":1}\n\n{"a":2}\n{"a": oops}\n{"a":4}';
    const rs = await read([text]);
    expect(rs).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { a: 2 } },
      expect.objectContaining({ line: 4, error: expect.stringMatching(/invalid JSON/) }),
      { line: 5, value: { a: 4 } },
    ]);
  });

  it('a top-level array is streamed element by element, with the line each element starts on', async () => {
    const text = '[\n  {"a": "x]y\\"}"},\n  {"b": [1, {"c": 2}]}\n  ,\n  {"d": 3}\n]\n';
    expect(await read([text])).toEqual([
      { line: 2, value: { a: 'x]y"}' } },
      { line: 3, value: { b: [1, { c: 2 }] } },
      { line: 5, value: { d: 3 } },
    ]);
  });

  it('a pretty-printed object (or several) is read whole', async () => {
    const text = '\uFEFF{\n  "basics": {\n    "name": "Ada"\n  }\n}\n{\n "x": 1\n}\n';
    expect(await read([text])).toEqual([
      { line: 1, value: { basics: { name: 'Ada' } } },
      { line: 6, value: { x: 1 } },
    ]);
  });

  it('a bad element of an array is reported and the next ones still read', async () => {
    const rs = await read(['[{"a":1},\n{"a":,},\n{"a":3}]']);
    expect(rs[0]).toEqual({ line: 1, value: { a: 1 } });
    expect(rs[1]).toMatchObject({ line: 2, error: expect.stringMatching(/invalid JSON/) });
    expect(rs[2]).toEqual({ line: 3, value: { a: 3 } });
  });

  it('an unclosed array or record is reported, not silently dropped', async () => {
    expect((await read(['[{"a":1},\n{"a":2}'])).at(-1)).toMatchObject({ error: expect.stringMatching(/not closed/) });
    expect((await read(['[{"a":1},\n{"a":'])).at(-1)).toMatchObject({ line: 2, error: expect.stringMatching(/not closed/) });
  });

  it('multi-byte characters split across chunks decode correctly', async () => {
    const bytes = new TextEncoder().encode('{"name":"Zoë Ørsted 日本"}\n');
    const rs = await read([bytes.slice(0, 12), bytes.slice(12, 13), bytes.slice(13)]);
    expect(rs).toEqual([{ line: 1, value: { name: 'Zoë Ørsted 日本' } }]);
  });

  it('chunk boundaries never change what is read (array, NDJSON and object forms)', async () => {
    // non-empty records: a pretty-printed {} is one line, and a file of one-line records is NDJSON
    const records = fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'n'), fc.oneof(fc.string(), fc.integer(), fc.array(fc.string(), { maxLength: 3 })), { minKeys: 1 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(records, fc.constantFrom('array', 'ndjson', 'pretty'), fc.array(fc.nat(), { maxLength: 8 }), async (values, form, points) => {
        const text =
          form === 'array' ? JSON.stringify(values, null, 2) : form === 'ndjson' ? values.map((v) => JSON.stringify(v)).join('\n') : values.map((v) => JSON.stringify(v, null, 2)).join('\n');
        const whole = await read([text]);
        expect(whole.map((r) => ('value' in r ? r.value : r))).toEqual(values);
        expect(await read(cut(text, points))).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  async function readLimited(chunks: string[], maxRecordChars: number, ndjson?: boolean): Promise<RawJsonRecord[]> {
    const out: RawJsonRecord[] = [];
    for await (const r of readJsonRecords(chunks, { ndjson, maxRecordChars })) out.push(r);
    return out;
  }
  const over = (line: number, max: number) => ({ line, error: `the record is over the per-record limit of ${max} characters; skipped` });

  it('a record over the per-record limit is reported at its line and skipped, in NDJSON and in an array (issue #14 item 4)', async () => {
    const big = JSON.stringify({ basics: { name: 'n'.repeat(400) } });
    const ndjson = `{"basics":{"name":"Ada"}}\n${big}\n{"basics":{"name":"Grace"}}\n`;
    expect(await readLimited(cut(ndjson, [5, 60, 200]), 100)).toEqual([{ line: 1, value: { basics: { name: 'Ada' } } }, over(2, 100), { line: 3, value: { basics: { name: 'Grace' } } }]);
    const array = `[\n{"basics":{"name":"Ada"}},\n${big},\n{"basics":{"name":"Grace"}}\n]`;
    expect(await readLimited(cut(array, [3, 90, 300]), 100)).toEqual([{ line: 2, value: { basics: { name: 'Ada' } } }, over(3, 100), { line: 4, value: { basics: { name: 'Grace' } } }]);
  });

  it('a single 50 MB record (the issue\'s case) streams past in chunks and is reported, the next record read', async () => {
    const chunk = 'r'.repeat(64 * 1024);
    async function* body() {
      yield '{"basics":{"name":"';
      for (let i = 0; i < 800; i++) yield chunk;
      yield '"}}\n{"basics":{"name":"Grace"}}\n';
    }
    const out: RawJsonRecord[] = [];
    for await (const r of readJsonRecords(body(), { ndjson: true, maxRecordChars: 1024 * 1024 })) out.push(r);
    expect(out).toEqual([over(1, 1024 * 1024), { line: 2, value: { basics: { name: 'Grace' } } }]);
  });

  it('property: with a limit, short records are read as without one and long ones reported, whatever the chunking and form', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), fc.stringMatching(/^[a-z]{1,10}$/)), { minLength: 1, maxLength: 10 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), async (records, points, asArray) => {
        const max = 80;
        const value = ([isLong, name]: [boolean, string]) => ({ basics: { name: isLong ? name + 'x'.repeat(2 * max) : name } });
        const lines = records.map((r) => JSON.stringify(value(r)));
        const text = asArray ? `[\n${lines.join(',\n')}\n]\n` : `${lines.join('\n')}\n`;
        const first = asArray ? 2 : 1;
        const got = await readLimited(cut(text, points), max);
        expect(got).toEqual(records.map((r, i) => (r[0] ? over(first + i, max) : { line: first + i, value: value(r) })));
      }),
      { numRuns: 200 },
    );
  });
});
