import { undecodableReason } from './import-text-decoder.ts';

/**
 * Streams JSON records out of a byte or text stream, with the line number
 * each record starts on, in constant memory (one record at a time):
 *
 * - NDJSON: one JSON value per line (chosen when `ndjson` is set, or when
 *   the first two non-blank lines are each a complete JSON value);
 * - a top-level array `[ {...}, {...} ]`: each element is a record, streamed
 *   element by element (the array is never held in memory as a whole);
 * - one object, pretty-printed over many lines (or several concatenated).
 *
 * A record that is not valid JSON comes back as `{ line, error }` and the
 * reading goes on with the next record: a bad NDJSON line never stops the
 * rest. (In the array and object forms, a record with an unclosed string
 * or bracket swallows what follows it; the error then names where it began.)
 */
export type RawJsonRecord = { line: number; value: unknown } | { line: number; error: string };

export interface ReadJsonOptions {
  /** force NDJSON (one record per line) */
  ndjson?: boolean;
  /** the first line in from..to whose bytes the file's encoding cannot read (import-text-decoder.ts) */
  undecodableLine?: (from: number, to: number) => number | undefined;
  /** the encoding's name, for the message about an undecodable line */
  encodingName?: () => string | undefined;
  /**
   * A record longer than this (characters) is reported and skipped, and its
   * text is not kept while it streams past: memory holds at most this much
   * of one record (the API's per-record limit; default: none).
   */
  maxRecordChars?: number;
}

function tooLong(line: number, max: number): SpannedRecord {
  return { line, error: `the record is over the per-record limit of ${max} characters; skipped` };
}

async function* decode(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function isCompleteJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function parseOne(text: string, line: number): RawJsonRecord {
  try {
    return { line, value: JSON.parse(text) };
  } catch (err) {
    return { line, error: `invalid JSON: ${(err as Error).message}` };
  }
}

export async function* readJsonRecords(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: ReadJsonOptions = {},
): AsyncGenerator<RawJsonRecord> {
  const chunks = decode(source);
  // Look ahead until the mode is known: the first non-blank character, and for non-arrays the first full line.
  let head = '';
  let done = false;
  let mode: 'ndjson' | 'scan' | undefined;
  const maxChars = options.maxRecordChars ?? Infinity;
  while (!mode) {
    const trimmed = head.trimStart();
    if (options.ndjson && (trimmed || done)) mode = 'ndjson';
    else if (trimmed.startsWith('[')) mode = 'scan';
    else if (trimmed) {
      // NDJSON when the first two non-blank lines are each a complete JSON value (or the only line is)
      const lines = trimmed.split('\n');
      const complete = done ? lines : lines.slice(0, -1);
      const firstTwo = complete.map((l) => l.trim()).filter(Boolean).slice(0, 2);
      if (firstTwo.length === 2 || done) {
        mode = firstTwo.length > 0 && firstTwo.every(isCompleteJson) ? 'ndjson' : 'scan';
      }
    } else if (done) return;
    // a first line this long is not waited for: the scanner reads one value per line as well
    if (!mode && head.length > maxChars) mode = 'scan';
    if (mode) break;
    const next = await chunks.next();
    if (next.done) done = true;
    else head += next.value;
  }
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    if (!done) yield* chunks;
  }
  // a record on a line with bytes the encoding cannot read is skipped and reported
  const check = options.undecodableLine;
  for await (const r of mode === 'ndjson' ? readLines(rest(), maxChars) : scanValues(rest(), maxChars)) {
    const bad = check?.(r.line, r.lastLine ?? r.line);
    if (bad !== undefined) yield { line: r.line, error: undecodableReason(bad, options.encodingName?.() ?? 'utf-8') };
    else yield 'error' in r ? { line: r.line, error: r.error } : { line: r.line, value: r.value };
  }
}

/** A record as the readers below find it, with the line it ends on. */
type SpannedRecord = RawJsonRecord & { lastLine?: number };

async function* readLines(text: AsyncIterable<string>, maxChars: number): AsyncGenerator<SpannedRecord> {
  let carry = '';
  let line = 0;
  /** the current line is over the limit: the rest of it is passed over, not kept */
  let dropping = false;
  const one = (l: string) => (l.length > maxChars ? tooLong(line, maxChars) : parseOne(l, line));
  for await (const chunk of text) {
    const s = carry + chunk;
    let start = 0;
    for (let nl = s.indexOf('\n', start); nl >= 0; nl = s.indexOf('\n', start)) {
      line++;
      const l = s.slice(start, nl).trim();
      if (dropping) yield tooLong(line, maxChars);
      else if (l) yield one(l);
      dropping = false;
      start = nl + 1;
    }
    carry = dropping ? '' : s.slice(start);
    if (carry.length > maxChars) {
      dropping = true;
      carry = '';
    }
  }
  line++;
  const l = carry.trim();
  if (dropping) yield tooLong(line, maxChars);
  else if (l) yield one(l);
}

/**
 * A small state machine over characters: it tracks strings, escapes and
 * bracket depth to find where each top-level value (or each element of a
 * top-level array) starts and ends, then hands that text to JSON.parse.
 */
async function* scanValues(text: AsyncIterable<string>, maxChars: number): AsyncGenerator<SpannedRecord> {
  let line = 1;
  /** the record being collected is over the limit: its text is no longer kept */
  let oversized = false;
  let collected = 0;
  const record = (t: string, at: number): SpannedRecord => (oversized || t.length > maxChars ? tooLong(at, maxChars) : parseOne(t, at));
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** 0 = not decided, 1 = inside a top-level array, 2 = sequence of top-level values */
  let layout: 0 | 1 | 2 = 0;
  let arrayClosed = false;
  let parts: string[] = [];
  let collecting = false;
  let startLine = 0;
  /** depth at which records live: 1 inside a top-level array, 0 otherwise */
  const base = () => (layout === 1 ? 1 : 0);

  for await (const chunk of text) {
    let from = collecting ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line++;
      if (collecting) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          if (depth === base()) {
            if (layout === 2) continue; // a stray bracket inside stray text
            // ']' closing the top-level array right after a primitive element
            parts.push(chunk.slice(from, i));
            yield { ...record(parts.join('').trim(), startLine), lastLine: line };
            parts = [];
            collecting = false;
            depth--;
            arrayClosed = true;
            continue;
          }
          depth--;
          if (depth === base()) {
            parts.push(chunk.slice(from, i + 1));
            yield { ...record(parts.join('').trim(), startLine), lastLine: line };
            parts = [];
            collecting = false;
          }
        } else if (c === 44 && depth === base() && layout === 1) {
          // a primitive element ended by ','
          parts.push(chunk.slice(from, i));
          yield { ...record(parts.join('').trim(), startLine), lastLine: line };
          parts = [];
          collecting = false;
        } else if (c === 10 && depth === base() && layout === 2) {
          // stray text outside any value ends at the line's end
          parts.push(chunk.slice(from, i));
          yield { line: startLine, error: `unexpected text outside a JSON value: ${parts.join('').trim().slice(0, 40)}` };
          parts = [];
          collecting = false;
        }
        continue;
      }
      // between records
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      if (layout === 0) {
        if (c === 91) {
          layout = 1;
          depth = 1;
          continue;
        }
        layout = 2;
      }
      if (layout === 1) {
        if (arrayClosed) {
          yield { line, error: 'unexpected text after the closing ] of the array' };
          return;
        }
        if (c === 44) continue; // separator
        if (c === 93) {
          arrayClosed = true;
          depth = 0;
          continue;
        }
      }
      collecting = true;
      oversized = false;
      collected = 0;
      startLine = line;
      from = i;
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
    }
    if (collecting && !oversized) {
      parts.push(chunk.slice(from));
      collected += chunk.length - from;
      if (collected > maxChars) {
        oversized = true;
        parts = [];
      }
    }
  }
  if (collecting) {
    const rest = parts.join('').trim();
    if (layout === 2 && depth === 0 && !inString) yield { line: startLine, error: `unexpected text outside a JSON value: ${rest.slice(0, 40)}`, lastLine: line };
    else yield { line: startLine, error: 'unexpected end of input: the record starting here is not closed', lastLine: line };
  } else if (layout === 1 && !arrayClosed) {
    yield { line, error: 'unexpected end of input: the top-level array is not closed with ]' };
  }
}
