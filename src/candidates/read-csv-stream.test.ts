import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAppError } from '../core/app-error.ts';
import { readCsvRows, type RawCsvRow } from './read-csv-stream.ts';

async function read(text: string | string[], options: Parameters<typeof readCsvRows>[1] = {}): Promise<RawCsvRow[]> {
  const out: RawCsvRow[] = [];
  for await (const r of readCsvRows(Array.isArray(text) ? text : [text], options)) out.push(r);
  return out;
}

/** Text cut into pieces at the given offsets, as chunks of a stream arrive. */
function cutAt(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of at) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out;
}

/** RFC 4180 writing: a cell with a delimiter, quote or line break is quoted, quotes doubled. */
const writeCell = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

describe('reading CSV rows', () => {
  it('reads quoted commas, quotes and newlines, with the line each row starts on', async () => {
    const rs = await read('Name,Headline\n"Lovelace, Ada","Engineer, ""first"" programmer"\n"Grace\nHopper",Admiral\n\nLinus,Kernel\n');
    expect(rs).toEqual([
      { line: 1, cells: ['Name', 'Headline'] },
      { line: 2, cells: ['Lovelace, Ada', 'Engineer, "first" programmer'] },
      { line: 3, cells: ['Grace\nHopper', 'Admiral'] },
      { line: 6, cells: ['Linus', 'Kernel'] },
    ]);
  });

  it('tolerates ragged rows and a final line without newline, across chunk boundaries', async () => {
    const rs = await read(['a,b,c\n1,2\n3,4,5,', '6\n7,"8', ',9"']);
    expect(rs).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4', '5', '6'] },
      { line: 4, cells: ['7', '8,9'] },
    ]);
  });

  it('CRLF and old Mac CR line ends, a BOM, another delimiter', async () => {
    expect(await read('\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,3')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\r\ny'] },
      { line: 5, cells: ['2', '3'] },
    ]);
    expect(await read('a,b\r1,2\r\r3,4\r')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4'] },
    ]);
    expect(await read('a;b\n"1;x";2\n', { delimiter: ';' })).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1;x', '2'] },
    ]);
  });

  it('keeps a quote that does not open a quoted field as a literal character', async () => {
    expect(await read('Name,H,Email\nAda,"5" screen,ada@x.com\nBob,27" monitor,bob@x.com\n"Smith, John" Jr,x,j@x.com\n"ab,cd,"x, y"\n')).toEqual([
      { line: 1, cells: ['Name', 'H', 'Email'] },
      { line: 2, cells: ['Ada', '"5" screen', 'ada@x.com'] },
      { line: 3, cells: ['Bob', '27" monitor', 'bob@x.com'] },
      { line: 4, cells: ['"Smith, John" Jr', 'x', 'j@x.com'] },
      { line: 5, cells: ['"ab', 'cd', 'x, y'] },
    ]);
  });
});

describe('an unclosed quote (#14 item 10)', () => {
  it('the issue: a quote never closed swallowed the 9 rows after it as one error; now that row is reported, naming its column, and the 9 are read', async () => {
    const rows = Array.from({ length: 9 }, (_, i) => `Person${i},Engineer ${i},p${i}@example.com`);
    const rs = await read(['Name,Headline,Email', 'Ada,Lovelace,ada@example.com', 'Bob,"Builder and, ""fixer"" of things,bob@example.com', ...rows].join('\n') + '\n');
    expect(rs[0]).toEqual({ line: 1, cells: ['Name', 'Headline', 'Email'] });
    expect(rs[1]).toEqual({ line: 2, cells: ['Ada', 'Lovelace', 'ada@example.com'] });
    expect(rs[2]).toEqual({ line: 3, error: expect.stringContaining('unclosed quote: the quoted field in column 2 (Headline) that starts on line 3 is never closed') });
    expect(rs.slice(3)).toEqual(rows.map((r, i) => ({ line: 4 + i, cells: r.split(',') })));
  });

  it('a quote closed wrongly on a later line: the row is reported and the lines it swallowed are read', async () => {
    expect(await read('Name,Email\n"Ada,ada@x.com\nBob,bob@x.com\n"Carl",carl@x.com\nDan,dan@x.com\n')).toEqual([
      { line: 1, cells: ['Name', 'Email'] },
      { line: 2, error: expect.stringMatching(/column 1 \(Name\) that starts on line 2 is still open on line 4, where a quote is followed by 'C'/) },
      { line: 3, cells: ['Bob', 'bob@x.com'] },
      { line: 4, cells: ['Carl', 'carl@x.com'] },
      { line: 5, cells: ['Dan', 'dan@x.com'] },
    ]);
  });

  it('a swallowed line is a row only with the header\'s cell count; others are reported one by one as possibly part of the field', async () => {
    expect(await read('a,b,c\n1,"2\n3,4\nstill the note\n5,6,7\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, error: expect.stringContaining('column 2 (b)') },
      { line: 3, error: expect.stringMatching(/follows the unclosed quote on line 2 and has 2 cells where the header has 3/) },
      { line: 4, error: expect.stringMatching(/has 1 cell where the header has 3/) },
      { line: 5, cells: ['5', '6', '7'] },
    ]);
  });

  it('a field that runs over lines and closes, but leaves the row with the wrong cell count, is taken for an unclosed quote', async () => {
    expect(await read('Name,H,Email\nAda,"x,ada@x.com\nBob,b,bob@x.com\nCy z"\nDi,d,di@x.com\n')).toEqual([
      { line: 1, cells: ['Name', 'H', 'Email'] },
      { line: 2, error: expect.stringMatching(/column 2 \(H\) that starts on line 2 from line 2 to line 4 leaves the row with 2 cells where the header has 3/) },
      { line: 3, cells: ['Bob', 'b', 'bob@x.com'] },
      { line: 4, error: expect.stringMatching(/line 4: the quote that opens column 1|follows the unclosed quote on line 2/) },
      { line: 5, cells: ['Di', 'd', 'di@x.com'] },
    ]);
  });

  it('the limit: a stray quote closed by another stray quote, with the header\'s cell count, reads as one field over lines (docs/import.md)', async () => {
    // `27"` closes the quote opened before `x`: nothing in the text tells this from a note meant to span lines
    expect(await read('Name,H,Email\nAda,"x,ada@x.com\nBob 27",bob@x.com\n')).toEqual([
      { line: 1, cells: ['Name', 'H', 'Email'] },
      { line: 2, cells: ['Ada', 'x,ada@x.com\nBob 27', 'bob@x.com'] },
    ]);
  });

  it('a quoted field growing past the limit is taken for an unclosed quote', async () => {
    const rs = await read(`a,b\n1,"${'x\n'.repeat(50)}3,4\n`, { maxQuotedChars: 20 });
    expect(rs[1]).toEqual({ line: 2, error: expect.stringMatching(/is still open after 20 characters/) });
    // where the field would have ended is not known: each later line with one cell, not two, is reported
    expect(rs.slice(2, -1).every((r) => 'error' in r)).toBe(true);
    expect(rs.map((r) => r.line)).toEqual([1, ...Array.from({ length: 51 }, (_, i) => i + 2)]);
    expect(rs[rs.length - 1]).toEqual({ line: 52, cells: ['3', '4'] });
  });

  it('an unclosed quote in the header is invalid_input naming its line', async () => {
    const err = await read('Name,"Email\n1,2\n').catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('invalid_input');
    expect((err as Error).message).toMatch(/line 1: the quote that opens column 2 of the CSV header/);
  });

  it('a row on a line the encoding could not read is reported', async () => {
    const rs = await read('a,b\n1,2\n3,"x\ny"\n5,6\n', { undecodableLine: (from, to) => (from <= 4 && 4 <= to ? 4 : undefined), encodingName: () => 'utf-8' });
    expect(rs).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, error: expect.stringMatching(/^line 4 has bytes that are not valid utf-8/) },
      { line: 5, cells: ['5', '6'] },
    ]);
  });
});

describe('CSV reading properties', () => {
  const cellArb = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '🚀', ';'), maxLength: 8 });

  it('any table written as RFC 4180 reads back cell for cell, each row at its line, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }).chain((k) => fc.array(fc.array(cellArb, { minLength: k, maxLength: k }), { minLength: 1, maxLength: 8 })),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.constantFrom('\n', '\r\n'),
        async (table, cuts, eol) => {
          const lines = table.map((row) => row.map(writeCell).join(','));
          const text = lines.join(eol) + eol;
          const expected: RawCsvRow[] = [];
          let line = 1;
          for (const [i, row] of table.entries()) {
            expected.push({ line, cells: row });
            line += (lines[i]!.match(/\r\n|\r|\n/g) ?? []).length + 1;
          }
          expect(await read(cutAt(text, cuts))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('one unclosed quote never loses a row: the row with the stray quote is reported (or read with the quote as a literal character), every other row is read exactly', async () => {
    // cells as exports have them: plain text, and quoted text with commas, quotes and line breaks
    const plain = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '-'), minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s && s !== '');
    const quoted = fc
      .tuple(fc.constantFrom('a', 'b', 'x'), fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' '), maxLength: 6 }))
      .map(([head, rest]) => ({ cell: head + rest, text: `"${(head + rest).replaceAll('"', '""')}"` }));
    const cell = fc.oneof(plain.map((c) => ({ cell: c, text: c })), quoted);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }).chain((k) =>
          fc.record({
            rows: fc.array(fc.array(cell, { minLength: k, maxLength: k }), { minLength: 2, maxLength: 12 }),
            at: fc.tuple(fc.nat(), fc.nat()),
          }),
        ),
        fc.array(fc.nat(), { maxLength: 4 }),
        async ({ rows, at }, cuts) => {
          const k = rows[0]!.length;
          const header = Array.from({ length: k }, (_, i) => `h${i}`);
          // the stray quote goes before a plain cell of one row
          const plainSpots = rows.flatMap((r, ri) => r.map((c, ci) => ({ ri, ci, plain: !c.text.startsWith('"') }))).filter((s) => s.plain);
          fc.pre(plainSpots.length > 0);
          const spot = plainSpots[at[0] % plainSpots.length]!;
          const texts = rows.map((r, ri) => r.map((c, ci) => (ri === spot.ri && ci === spot.ci ? `"${c.text}` : c.text)).join(','));
          const text = [header.join(','), ...texts].join('\n') + '\n';
          const startLines: number[] = [];
          let line = 2;
          for (const t of texts) {
            startLines.push(line);
            line += (t.match(/\n/g) ?? []).length + 1;
          }
          const got = await read(cutAt(text, cuts));
          expect(got[0]).toEqual({ line: 1, cells: header });
          const byLine = new Map(got.slice(1).map((r) => [r.line, r]));
          for (const [ri, row] of rows.entries()) {
            const r = byLine.get(startLines[ri]!);
            const cells = row.map((c) => c.cell);
            if (ri !== spot.ri) {
              expect(r).toEqual({ line: startLines[ri], cells });
              continue;
            }
            // the broken row: reported, or read with its stray quote kept as a character
            if (r && 'cells' in r) expect(r.cells).toEqual(cells.map((c, ci) => (ci === spot.ci ? `"${c}` : c)));
            else expect(r).toEqual({ line: startLines[ri], error: expect.stringContaining(`column ${spot.ci + 1} (h${spot.ci})`) });
          }
          // nothing else: no row made of pieces of others
          expect(got.length).toBe(rows.length + 1);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a row over the per-record limit is reported with its line and skipped, the rows after it read as before (issue #14 item 4)', async () => {
    const long = 'x'.repeat(500);
    const text = `name,headline\nAda,short\n${long},${long}\nLinus,kernel\n`;
    const rs = await read(cutAt(text, [7, 40, 300, 700, 1200]), { maxRecordChars: 100 });
    expect(rs).toEqual([
      { line: 1, cells: ['name', 'headline'] },
      { line: 2, cells: ['Ada', 'short'] },
      { line: 3, error: 'the row is over the per-record limit of 100 characters; skipped' },
      { line: 4, cells: ['Linus', 'kernel'] },
    ]);
  });

  it('a quoted field longer than the per-record limit cannot be told from an unclosed quote: it is reported as one, and its lines are read (and limited) as rows', async () => {
    const long = 'x'.repeat(500);
    const rs = await read(`name,headline\nGrace,"quoted\n${long}"\nLinus,kernel\n`, { maxRecordChars: 100 });
    expect(rs.map((r) => ('error' in r ? `${r.line}: ${r.error.slice(0, 14)}` : `${r.line}: ${r.cells.join('|')}`))).toEqual([
      '1: name|headline',
      '2: unclosed quote',
      '3: the row is ove',
      '4: Linus|kernel',
    ]);
  });

  it('a header over the limit is refused as a whole, naming the limit', async () => {
    const err = await read(`${'h'.repeat(300)}\n1\n`, { maxRecordChars: 100 }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code === 'invalid_input' && /header is over the per-record limit of 100/.test(err.message)).toBe(true);
  });

  it('a row far over the limit streams past without being held: a 64 MiB row in 64 KiB chunks', async () => {
    const chunk = 'y'.repeat(64 * 1024);
    async function* body() {
      yield 'name\nAda\n';
      for (let i = 0; i < 1024; i++) yield chunk;
      yield '\nGrace\n';
    }
    const out: RawCsvRow[] = [];
    for await (const r of readCsvRows(body(), { maxRecordChars: 1024 * 1024 })) out.push(r);
    expect(out).toEqual([
      { line: 1, cells: ['name'] },
      { line: 2, cells: ['Ada'] },
      { line: 3, error: 'the row is over the per-record limit of 1048576 characters; skipped' },
      { line: 4, cells: ['Grace'] },
    ]);
  });

  it('property: with a limit, every row is read exactly as without one when short and reported at its line when long, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), fc.stringMatching(/^[a-z ]{1,20}$/)), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (rows, cuts) => {
          const max = 60;
          const cellsOf = ([isLong, word]: [boolean, string]) => (isLong ? [word, 'z'.repeat(2 * max)] : [word, 'ok']);
          const text = `a,b\n${rows.map((r) => cellsOf(r).map(writeCell).join(',')).join('\n')}\n`;
          const got = await read(cutAt(text, cuts), { maxRecordChars: max });
          const expected = [{ line: 1, cells: ['a', 'b'] }, ...rows.map((r, i) => (r[0] ? { line: i + 2, error: `the row is over the per-record limit of ${max} characters; skipped` } : { line: i + 2, cells: cellsOf(r) }))];
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
