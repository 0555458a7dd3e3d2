import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { answers, json } from './json-content.ts';

export const backupFileSchema = z.object({ file: z.string(), bytes: z.number().int(), at: z.string() }).openapi('BackupFile');

export const backupStatusSchema = z
  .object({
    database: z.enum(['sqlite', 'postgres']),
    scheduled: z.boolean().openapi({ description: 'whether this server makes backups on a schedule (serve --backup-dir)' }),
    dir: z.string().nullable(),
    every: z.string().nullable().openapi({ description: 'the interval, e.g. 6h' }),
    keep: z.number().int().nullable(),
    last: backupFileSchema.nullable().openapi({ description: 'the newest backup in the folder' }),
    next: z.string().nullable().openapi({ description: 'when the next scheduled backup is due (ISO time)' }),
    lastError: z.object({ at: z.string(), message: z.string() }).nullable().openapi({ description: 'the newest attempt failed: when and why' }),
    backups: z.array(backupFileSchema).openapi({ description: 'the backups kept, newest first' }),
    note: z.string().nullable(),
  })
  .openapi('BackupStatus');

export const backupStatusRoute = createRoute({
  method: 'get',
  path: '/api/settings/backups',
  tags: ['settings'],
  summary: 'Backup status: schedule, last backup, next one',
  responses: answers(backupStatusSchema, 'The status'),
});
