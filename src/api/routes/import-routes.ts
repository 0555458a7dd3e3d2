import type { ScoutlineApp } from '../app-env.ts';
import { createReadStream, createWriteStream, mkdtempSync, openSync, rmSync, statSync, type ReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { importCandidates } from '../../candidates/import-candidates.ts';
import type { CsvMapping } from '../../candidates/csv-mapping.ts';
import { encodingName, sniffText, type ImportEncoding } from '../../candidates/import-encoding.ts';
import type { ImportRecord } from '../../candidates/import-record.ts';
import { detectImportFormat, importRecords } from '../../candidates/import-records.ts';
import { preparedFileRecords, workerImportMinBytes } from '../../candidates/prepared-records.ts';
import { auditRequest } from '../request-audit.ts';
import { postImportRoute } from '../../api-contract/import-contract.ts';

/** The format from ?format=, else the content type, else the body's first character. */
function formatFor(explicit: string | undefined, contentType: string | undefined, first: string): 'jsonresume' | 'csv' {
  if (explicit) return detectImportFormat(explicit);
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('csv')) return 'csv';
  if (ct.includes('json')) return 'jsonresume';
  return detectImportFormat(undefined, undefined, first);
}

/** The charset parameter of a content type ('text/csv; charset=windows-1252'), if any. */
function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1];
}

export function registerImportRoutes(app: ScoutlineApp, options: { workerMinBytes?: number; maxRecordBytes?: number } = {}): void {
  const workerMinBytes = options.workerMinBytes ?? workerImportMinBytes;
  app.openapi(
    postImportRoute,
    async (c) => {
      const q = c.req.valid('query');
      // an unknown encoding is refused before the body is read
      const givenEncoding = q.encoding ?? charsetOf(c.req.header('content-type'));
      if (givenEncoding !== undefined) encodingName(givenEncoding);
      const reader = c.req.raw.body?.getReader();
      // Peek at the first chunk to sniff the format when neither the query nor the content type says.
      const first = reader ? await reader.read() : { done: true as const, value: undefined };
      const firstText = first.done || !first.value ? '' : sniffText(first.value.slice(0, 512));
      const format = formatFor(q.format, c.req.header('content-type'), firstText);
      async function* bytes(): AsyncGenerator<Uint8Array> {
        if (first.done || !reader) return;
        if (first.value) yield first.value;
        for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
      }
      let ignoredColumns: string[] | undefined;
      let encoding: ImportEncoding | undefined;
      const store = c.get('store');
      const workspaceId = c.get('workspaceId');
      const recordOptions = {
        format,
        map: q.map === undefined ? [] : Array.isArray(q.map) ? q.map : [q.map],
        ndjson: q.ndjson === 'true' || (c.req.header('content-type') ?? '').toLowerCase().includes('ndjson'),
        source: q.source,
        encoding: givenEncoding,
        // counted in decoded characters: at most as many as the record's bytes, so memory stays within the limit
        maxRecordChars: options.maxRecordBytes,
        onCsvHeader: (m: CsvMapping) => {
          ignoredColumns = m.ignored;
        },
        onEncoding: (e: ImportEncoding) => {
          encoding = e;
        },
      };
      // A large body on SQLite goes through the import's worker thread, as `scoutline import` does for a large
      // file: spooled to a temporary file (the worker reads files), then read, checked and prepared there
      // while this thread writes. Same records, same summary.
      // A body without Content-Length (chunked) is spooled too, before anything is written: its size is only
      // known at its end, and an import refused there for its size (413) must not have stored the batches before.
      const declared = c.req.header('content-length');
      const chunked = declared === undefined || c.req.header('transfer-encoding') !== undefined;
      const large = (size: number) => store.dialect === 'sqlite' && size >= workerMinBytes;
      const spool = chunked || large(Number(declared)) ? mkdtempSync(join(tmpdir(), 'scoutline-import-')) : undefined;
      let spooled: ReadStream | undefined;
      try {
        let records: AsyncIterable<ImportRecord>;
        if (spool) {
          const path = join(spool, 'body');
          await pipeline(Readable.from(bytes()), createWriteStream(path));
          if (large(statSync(path).size)) records = preparedFileRecords(path, recordOptions, workspaceId);
          else {
            // opened now, not on the next tick: the folder is removed below even if nothing reads it
            spooled = createReadStream(path, { fd: openSync(path, 'r') });
            records = importRecords(spooled, recordOptions);
          }
        } else records = importRecords(bytes(), recordOptions);
        const provenance = { kind: 'import' as const, format, via: 'api' as const, label: q.source ?? format, actor: c.get('principal')?.email ?? 'anonymous' };
        const summary = await importCandidates(store, workspaceId, records, { provenance });
        // counts only: the audit log never holds candidates' data (nor the reasons, which may quote a record)
        await auditRequest(c, { action: 'import', target: 'candidates', details: { format, records: summary.records, imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped } });
        return c.json({ format, ...summary, ...(ignoredColumns ? { ignoredColumns } : {}), ...(encoding ? { encoding } : {}) }, 200);
      } finally {
        spooled?.destroy();
        if (spool) rmSync(spool, { recursive: true, force: true });
      }
    },
  );
}
