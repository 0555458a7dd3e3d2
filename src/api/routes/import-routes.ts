import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
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

const importSummarySchema = z
  .object({
    format: z.enum(['jsonresume', 'csv']),
    records: z.number().int(),
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
    ignoredColumns: z.array(z.string()).optional(),
    encoding: z
      .object({
        name: z.string().openapi({ description: "the encoding the body was decoded with (WHATWG name), e.g. 'utf-8', 'windows-1252', 'utf-16le'" }),
        detected: z.boolean().openapi({ description: 'false when given (?encoding= or the charset of the content type)' }),
        how: z.enum(['given', 'bom', 'utf-16', 'ascii', 'utf-8', 'mostly-utf-8', 'guessed', 'fallback']),
      })
      .optional()
      .openapi({ description: 'how the body was decoded (docs/import.md, Character encoding)' }),
  })
  .openapi('ImportSummary');

const bodyDescription =
  'JSON Resume as NDJSON (application/x-ndjson), one object or an array (application/json), or CSV with a header row (text/csv). Streamed: the body is never held in memory as a whole.';

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
    createRoute({
      method: 'post',
      path: '/api/import',
      tags: ['candidates'],
      summary: 'Import candidates from JSON Resume (NDJSON, object or array) or CSV',
      description:
        'Same rules as `scoutline import`: batched transactions, dedupe by LinkedIn profile URL then email, merge fills empty fields and unites skills; a bad record is skipped and reported with its line number. Re-importing the same data changes nothing.',
      request: {
        query: z.object({
          format: z.enum(['jsonresume', 'csv']).optional().openapi({ description: 'default: from the content type, else from the first character' }),
          map: z
            .union([z.string(), z.array(z.string())])
            .optional()
            .openapi({ description: 'CSV: Column=field, repeatable (as --map)', example: 'Job=currentTitle' }),
          ndjson: z.enum(['true', 'false']).optional().openapi({ description: 'JSON Resume: one record per line' }),
          source: z.string().max(100).optional().openapi({ description: 'source recorded on new candidates' }),
          encoding: z
            .string()
            .max(40)
            .optional()
            .openapi({ description: "the body's character encoding (as --encoding), e.g. windows-1252; default: the charset of the content type, else detected", example: 'windows-1252' }),
        }),
        body: {
          description: bodyDescription,
          required: true,
          content: {
            'application/x-ndjson': { schema: z.string().openapi({ description: 'one JSON Resume object per line' }) },
            'text/csv': { schema: z.string().openapi({ description: 'CSV with a header row' }) },
            // not a zod schema on purpose: the body is streamed, not parsed and validated as one document
            'application/json': { schema: { type: 'object', description: 'one JSON Resume object, or an array of them' } },
          },
        },
      },
      responses: {
        200: { content: { 'application/json': { schema: importSummarySchema } }, description: 'What the import did, with each bad record' },
        ...errorResponses,
      },
    }),
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
