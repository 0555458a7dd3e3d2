import { AppError } from '../core/app-error.ts';
import { csvRowToCandidate, headerKey, parseCsvMapOptions, resolveCsvMapping, type CsvMapping } from './csv-mapping.ts';
import type { ImportEncoding } from './import-encoding.ts';
import type { ImportFormat, ImportRecord } from './import-record.ts';
import { decodeImportText } from './import-text-decoder.ts';
import { parseJsonResume } from './parse-jsonresume.ts';
import { readCsvRows } from './read-csv-stream.ts';
import { readJsonRecords } from './read-jsonresume-stream.ts';

type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export interface RecordsOptions {
  format: ImportFormat;
  /** CSV: `--map` values */
  map?: readonly string[];
  /** JSON Resume: force NDJSON */
  ndjson?: boolean;
  /** the `source` recorded on each candidate (default: the format) */
  source?: string;
  /** CSV: called once with the resolved column mapping and the header */
  onCsvHeader?: (mapping: CsvMapping, headers: string[]) => void;
  /** the file's character encoding (any WHATWG label: utf-8, windows-1252, latin1, utf-16le, ...); detected when absent */
  encoding?: string;
  /** called once with the encoding used, when it is known (at the latest after the last record) */
  onEncoding?: (encoding: ImportEncoding) => void;
  /** a record (NDJSON line, array element, CSV row) longer than this many characters is reported and skipped, never held whole */
  maxRecordChars?: number;
}

/** The format from `--format`, else from the file name, else from the first character of the content. */
export function detectImportFormat(explicit: string | undefined, fileName?: string, firstText?: string): ImportFormat {
  if (explicit) {
    const f = explicit.toLowerCase().replace(/[^a-z]/g, '');
    if (f === 'jsonresume' || f === 'json' || f === 'ndjson' || f === 'jsonl') return 'jsonresume';
    if (f === 'csv') return 'csv';
    throw new AppError('invalid_input', `unknown import format '${explicit}' (use jsonresume or csv)`, { format: explicit });
  }
  if (fileName && /\.csv$/i.test(fileName)) return 'csv';
  if (fileName && /\.(json|ndjson|jsonl)$/i.test(fileName)) return 'jsonresume';
  const c = (firstText ?? '').replace(/^\uFEFF/, '').trimStart()[0];
  return c === '{' || c === '[' ? 'jsonresume' : 'csv';
}

/** Bytes of a file or request body -> import records with line numbers, lazily. */
export async function* importRecords(source: ByteSource, options: RecordsOptions): AsyncGenerator<ImportRecord> {
  const decoded = decodeImportText(source, { encoding: options.encoding, onEncoding: options.onEncoding });
  const undecodable = { undecodableLine: decoded.undecodableLine, encodingName: () => decoded.encoding()?.name };
  if (options.format === 'jsonresume') {
    const origin = options.source ?? 'jsonresume';
    for await (const r of readJsonRecords(decoded.text, { ndjson: options.ndjson, maxRecordChars: options.maxRecordChars, ...undecodable })) {
      if ('error' in r) {
        yield r;
        continue;
      }
      const parsed = parseJsonResume(r.value, origin);
      yield parsed.ok ? { line: r.line, input: parsed.value } : { line: r.line, error: parsed.reason };
    }
    return;
  }
  const overrides = parseCsvMapOptions(options.map ?? []);
  const origin = options.source ?? 'csv';
  let headers: string[] | undefined;
  let mapping: CsvMapping | undefined;
  for await (const r of readCsvRows(decoded.text, { ...undecodable, maxRecordChars: options.maxRecordChars })) {
    if ('error' in r) {
      yield r;
      continue;
    }
    if (!headers || !mapping) {
      headers = r.cells.map((h) => h.trim());
      mapping = resolveCsvMapping(headers, overrides);
      const unknownMaps = [...overrides.keys()].filter((k) => !headers!.some((h) => headerKey(h) === k));
      if (unknownMaps.length) throw new AppError('invalid_input', `--map names columns the file does not have: ${unknownMaps.join(', ')}`, { headers });
      if (!mapping.columns.some((f) => f !== null)) {
        throw new AppError('invalid_input', `no CSV column maps to a candidate field (header: ${headers.join(', ')}); use --map Column=field`, { headers });
      }
      options.onCsvHeader?.(mapping, headers);
      continue;
    }
    const parsed = csvRowToCandidate(r.cells, mapping, headers, origin);
    yield parsed.ok ? { line: r.line, input: parsed.value } : { line: r.line, error: parsed.reason };
  }
}
