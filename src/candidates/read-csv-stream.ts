import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/**
 * Streams rows out of a CSV file with csv-parse (RFC 4180: quoted fields
 * with commas, quotes and newlines), with the line number each row starts
 * on. The first row is the header. A row csv-parse cannot read comes back as
 * `{ line, error }` and the reading goes on with the next row. Rows may have
 * fewer or more cells than the header (exports often trail empty columns).
 */
export type RawCsvRow = { line: number; cells: string[] } | { line: number; error: string };

/** The line a record starts on, from the line csv-parse was at when it ended and the record's raw text. */
function startLine(endLine: number, raw: string | undefined): number {
  if (raw === undefined) return endLine;
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  let n = 0;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) n++;
  return Math.max(1, endLine - n);
}

export async function* readCsvRows(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: { delimiter?: string } = {},
): AsyncGenerator<RawCsvRow> {
  const skipped: Array<{ line: number; error: string }> = [];
  const parser = parse({
    info: true,
    raw: true,
    bom: true,
    delimiter: options.delimiter ?? ',',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err, raw) => {
      const line = startLine(typeof err?.lines === 'number' ? err.lines : 0, raw);
      skipped.push({ line, error: `unreadable CSV row: ${err?.message.replace(/ at line \d+.*$/, '') ?? 'parse error'}` });
      return undefined;
    },
  });
  const input = Readable.from(source as AsyncIterable<Uint8Array | string>, { objectMode: false });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  for await (const item of parser as AsyncIterable<{ info: { lines: number }; raw: string; record: string[] }>) {
    const line = startLine(item.info.lines, item.raw);
    while (skipped.length && skipped[0].line < line) yield skipped.shift()!;
    yield { line, cells: item.record };
  }
  while (skipped.length) yield skipped.shift()!;
}
