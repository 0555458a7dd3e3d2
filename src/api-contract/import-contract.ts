import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { json } from './json-content.ts';

export const importSummarySchema = z
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

export const bodyDescription =
  'JSON Resume as NDJSON (application/x-ndjson), one object or an array (application/json), or CSV with a header row (text/csv). Streamed: the body is never held in memory as a whole.';

export const postImportRoute = createRoute({
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
    200: json(importSummarySchema, 'What the import did, with each bad record'),
    ...errorResponses,
  },
});
