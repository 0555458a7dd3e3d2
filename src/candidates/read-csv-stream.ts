import { AppError } from '../core/app-error.ts';
import { undecodableReason } from './import-text-decoder.ts';

/**
 * Streams rows out of CSV text (RFC 4180: quoted fields with delimiters,
 * `""` quotes and line breaks; LF, CRLF or CR line ends), with the line each
 * row starts on. The first row is the header. Rows may have fewer or more
 * cells than the header (exports often trail empty columns), and a quote
 * inside an unquoted field, or a quoted field followed by more text on its
 * line (`"5" screen`), is kept as a literal character.
 *
 * A quote that opens a field and is never closed would swallow every row
 * after it. So a quoted field that runs past its line is only accepted when
 * it closes properly and leaves the row with the header's number of cells.
 * Otherwise (it runs to the end of the file, a quote in it is followed by
 * text, it grows past `maxQuotedChars`, or the cell count is off) the row is
 * reported at its line, naming the column whose quote opened it, and reading
 * starts again on the line after that quote. The lines it had swallowed
 * (up to where the break showed) are rows only if they have exactly the
 * header's number of cells; others are reported one by one, as they may be
 * part of the broken field. Every row is imported or reported, never lost.
 * A row on a line whose bytes could not be decoded (`undecodableLine`) is
 * reported too.
 */
export type RawCsvRow = { line: number; cells: string[] } | { line: number; error: string };

export interface ReadCsvOptions {
  /** one character (default ',') */
  delimiter?: string;
  /** the first line in from..to whose bytes the file's encoding cannot read (import-text-decoder.ts) */
  undecodableLine?: (from: number, to: number) => number | undefined;
  /** the encoding's name, for the message about an undecodable line */
  encodingName?: () => string | undefined;
  /** a quoted field longer than this is taken for an unclosed quote (default 1 MiB) */
  maxQuotedChars?: number;
  /** a row longer than this (characters) is reported and skipped without being held (the API's per-record limit; default: none) */
  maxRecordChars?: number;
}

export const defaultMaxQuotedChars = 1 << 20;

type Parsed =
  | { kind: 'more' }
  | { kind: 'row'; cells: string[]; end: number; lastLine: number; nextLine: number; multiline: { column: number; line: number } | null }
  | { kind: 'broken'; column: number; quoteLine: number; why: string; seenTo: number };

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * One record starting at `start` (on line `line`), or 'more' when the text so
 * far does not tell where it ends.
 */
function parseRecord(buf: string, start: number, line: number, eof: boolean, delim: number, maxQuoted: number): Parsed {
  const cells: string[] = [];
  let i = start;
  let multiline: { column: number; line: number } | null = null;
  for (;;) {
    // one field starting at i
    if (i < buf.length && buf.charCodeAt(i) === QUOTE) {
      const open = i;
      const quoteLine = line;
      let value = '';
      let seg = i + 1;
      let j = i + 1;
      let spanned = false;
      let closed = -1;
      while (j < buf.length) {
        const c = buf.charCodeAt(j);
        if (c === QUOTE) {
          if (j + 1 >= buf.length && !eof) return { kind: 'more' };
          const next = j + 1 < buf.length ? buf.charCodeAt(j + 1) : -1;
          if (next === QUOTE) {
            value += buf.slice(seg, j + 1);
            j += 2;
            seg = j;
            continue;
          }
          if (next === -1 || next === delim || next === LF || next === CR) {
            closed = j;
            break;
          }
          // a quote followed by text: a literal quote on a one-line field, a broken one when the field ran past its line
          if (spanned) return { kind: 'broken', column: cells.length, quoteLine, why: `is still open on line ${line}, where a quote is followed by '${buf[j + 1]}'`, seenTo: line };
          closed = -2;
          break;
        }
        if (c === LF || c === CR) {
          line++;
          spanned = true;
          if (c === CR && j + 1 < buf.length && buf.charCodeAt(j + 1) === LF) j++;
          else if (c === CR && j + 1 >= buf.length && !eof) return { kind: 'more' };
        }
        j++;
        // (a quote on a line with no line break after it cannot swallow other rows: no limit there)
        // where the field would have ended is not known: every later line counts as swallowed
        if (spanned && j - open > maxQuoted) return { kind: 'broken', column: cells.length, quoteLine, why: `is still open after ${maxQuoted.toLocaleString('en')} characters (line ${line})`, seenTo: Infinity };
      }
      if (closed === -1) {
        if (!eof) return { kind: 'more' };
        return { kind: 'broken', column: cells.length, quoteLine, why: 'is never closed (it runs to the end of the file)', seenTo: line };
      }
      if (closed === -2) {
        // The opening quote was a literal one. Its field is text up to the next delimiter or line end: after
        // the quote that followed it (`"5" screen`, `"Smith, John" Jr`), or, when that quote opens a field
        // of its own (a delimiter before it), from the opening quote (`"ab,cd,"x, y"` is `"ab`, `cd`, `x, y`).
        let k = j - 1 > open && buf.charCodeAt(j - 1) === delim ? open + 1 : j + 1;
        while (k < buf.length) {
          const c = buf.charCodeAt(k);
          if (c === delim || c === LF || c === CR) break;
          k++;
        }
        if (k >= buf.length && !eof) return { kind: 'more' };
        cells.push(buf.slice(open, k));
        i = k;
      } else {
        cells.push(value + buf.slice(seg, closed));
        if (spanned && !multiline) multiline = { column: cells.length - 1, line: quoteLine };
        i = closed + 1;
      }
    } else {
      let k = i;
      while (k < buf.length) {
        const c = buf.charCodeAt(k);
        if (c === delim || c === LF || c === CR) break;
        k++;
      }
      if (k >= buf.length && !eof) return { kind: 'more' };
      cells.push(buf.slice(i, k));
      i = k;
    }
    // after a field: a delimiter, a line end or the end of the text
    if (i >= buf.length) return { kind: 'row', cells, end: i, lastLine: line, nextLine: line + 1, multiline };
    const c = buf.charCodeAt(i);
    if (c === delim) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= buf.length && !eof) return { kind: 'more' };
      const end = buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      return { kind: 'row', cells, end, lastLine: line, nextLine: line + 1, multiline };
    }
    return { kind: 'row', cells, end: i + 1, lastLine: line, nextLine: line + 1, multiline };
  }
}

/** The position just after the line break that ends line `line` (counted from `start` on line `startLine`), or -1. */
function afterLine(buf: string, start: number, startLine: number, line: number): number {
  let n = startLine;
  for (let i = start; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (c === LF || c === CR) {
      if (c === CR && buf.charCodeAt(i + 1) === LF) i++;
      if (n === line) return i + 1;
      n++;
    }
  }
  return -1;
}

function columnName(headers: readonly string[] | undefined, column: number): string {
  const name = headers?.[column]?.trim();
  return name ? `column ${column + 1} (${name})` : `column ${column + 1}`;
}

export async function* readCsvRows(source: AsyncIterable<string> | Iterable<string>, options: ReadCsvOptions = {}): AsyncGenerator<RawCsvRow> {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw new AppError('invalid_input', `the CSV delimiter must be one character other than a quote or a line break, got '${delimiter}'`);
  const delim = delimiter.charCodeAt(0);
  const maxRecord = options.maxRecordChars ?? Infinity;
  const maxQuoted = Math.min(options.maxQuotedChars ?? defaultMaxQuotedChars, maxRecord);
  let buf = '';
  let pos = 0;
  let line = 1;
  let eof = false;
  let headers: string[] | undefined;
  /** rows starting on lines up to this one follow an unclosed quote (on `brokenAt`) and need the header's cell count */
  let strictUntil = 0;
  let brokenAt = 0;
  const iterator = (Symbol.asyncIterator in source ? (source as AsyncIterable<string>)[Symbol.asyncIterator]() : (source as Iterable<string>)[Symbol.iterator]()) as
    | AsyncIterator<string>
    | Iterator<string>;
  let first = true;

  for (;;) {
    // skip empty lines
    while (pos < buf.length) {
      const c = buf.charCodeAt(pos);
      if (c === LF) {
        pos++;
        line++;
      } else if (c === CR) {
        if (pos + 1 >= buf.length && !eof) break;
        pos += buf.charCodeAt(pos + 1) === LF ? 2 : 1;
        line++;
      } else break;
    }
    const parsed: Parsed = pos < buf.length ? parseRecord(buf, pos, line, eof, delim, maxQuoted) : { kind: 'more' };
    if (parsed.kind === 'more' && buf.length - pos > maxRecord) {
      // a row over the per-record limit with no end in sight: reported, and passed over to its line's end without keeping it
      if (!headers) throw new AppError('invalid_input', `the CSV header is over the per-record limit of ${maxRecord} characters`, { line });
      const at = line;
      for (;;) {
        const nl = buf.indexOf('\n', pos);
        if (nl >= 0) {
          pos = nl + 1;
          line++;
          break;
        }
        buf = '';
        pos = 0;
        const next = eof ? { done: true as const, value: undefined } : await iterator.next();
        if (next.done) {
          eof = true;
          break;
        }
        buf = next.value;
      }
      yield { line: at, error: `the row is over the per-record limit of ${maxRecord} characters; skipped` };
      continue;
    }
    if (parsed.kind === 'more') {
      if (eof) return;
      const next = await iterator.next();
      if (next.done) eof = true;
      else {
        let chunk = next.value;
        if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
        if (chunk) first = false;
        buf = buf.slice(pos) + chunk;
        pos = 0;
      }
      continue;
    }

    const startLine = line;
    if (parsed.kind === 'row' && parsed.multiline && headers && parsed.cells.length !== headers.length) {
      // a quoted field that ran over lines and left the row with the wrong cell count: most likely a quote that is not closed
      const { column, line: quoteLine } = parsed.multiline;
      const why = `from line ${quoteLine} to line ${parsed.lastLine} leaves the row with ${parsed.cells.length} cells where the header has ${headers.length}`;
      yield* broken({ kind: 'broken', column, quoteLine, why, seenTo: parsed.lastLine });
      continue;
    }
    if (parsed.kind === 'broken') {
      if (!headers) throw new AppError('invalid_input', `line ${parsed.quoteLine}: the quote that opens ${columnName(undefined, parsed.column)} of the CSV header ${parsed.why}`, { line: parsed.quoteLine });
      yield* broken(parsed);
      continue;
    }

    const length = parsed.end - pos;
    pos = parsed.end;
    line = parsed.nextLine;
    if (length > maxRecord) {
      if (!headers) throw new AppError('invalid_input', `the CSV header is over the per-record limit of ${maxRecord} characters`, { line: startLine });
      yield { line: startLine, error: `the row is over the per-record limit of ${maxRecord} characters; skipped` };
      continue;
    }
    const bad = options.undecodableLine?.(startLine, parsed.lastLine);
    if (bad !== undefined) {
      const name = options.encodingName?.() ?? 'utf-8';
      if (!headers) throw new AppError('invalid_input', `the CSV header (line ${bad}) has bytes that are not valid ${name}; give the file's encoding (--encoding, ?encoding=)`, { line: bad, encoding: name });
      yield { line: startLine, error: undecodableReason(bad, name) };
      continue;
    }
    if (!headers) {
      headers = parsed.cells;
      yield { line: startLine, cells: parsed.cells };
      continue;
    }
    if (startLine <= strictUntil && parsed.cells.length !== headers.length) {
      yield {
        line: startLine,
        error: `skipped: this line follows the unclosed quote on line ${brokenAt} and has ${parsed.cells.length} cell${parsed.cells.length === 1 ? '' : 's'} where the header has ${headers.length}, so it may be part of that quoted field`,
      };
      continue;
    }
    yield { line: startLine, cells: parsed.cells };
  }

  /** Reports a row broken by its quote and starts again on the line after that quote. */
  function* broken(b: Extract<Parsed, { kind: 'broken' }>): Generator<RawCsvRow> {
    const startLine = line;
    yield {
      line: startLine,
      error: `unclosed quote: the quoted field in ${columnName(headers, b.column)} that starts on line ${b.quoteLine} ${b.why}; the row is skipped and the lines after that quote are read as rows of their own`,
    };
    // the quote's line ends in the text read so far, except when the quote is on the last line of the file
    const resume = afterLine(buf, pos, startLine, b.quoteLine);
    pos = resume < 0 ? buf.length : resume;
    line = b.quoteLine + 1;
    if (b.seenTo > strictUntil) strictUntil = b.seenTo;
    brokenAt = b.quoteLine;
  }
}
