import { describe, expect, it } from 'vitest';
import { readCsvRows, type RawCsvRow } from './read-csv-stream.ts';

async function read(text: string | string[]): Promise<RawCsvRow[]> {
  const out: RawCsvRow[] = [];
  for await (const r of readCsvRows(Array.isArray(text) ? text : [text])) out.push(r);
  return out;
}

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

  it('reports an unreadable row with its line and keeps what came before', async () => {
    const rs = await read('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(rs[0]).toEqual({ line: 1, cells: ['a', 'b'] });
    expect(rs[1]).toEqual({ line: 2, cells: ['1', '2'] });
    expect(rs[2]).toMatchObject({ line: 3, error: expect.stringMatching(/unreadable CSV row: Quote Not Closed/) });
  });
});
