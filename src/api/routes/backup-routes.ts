import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { backupStatus, type BackupStatus } from '../../operations/backup-status.ts';

const backupFileSchema = z.object({ file: z.string(), bytes: z.number().int(), at: z.string() }).openapi('BackupFile');

const statusSchema = z
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

/**
 * GET /api/settings/backups (admins and the owner): whether this server
 * backs up on a schedule, the newest backup (time, file, size), when the
 * next is due, a failure if the newest attempt failed. The backups hold the
 * whole database (every workspace); the answer names files, not content.
 */
export function registerBackupRoutes(app: ScoutlineApp, opts: { status?: () => BackupStatus }): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/settings/backups', tags: ['settings'], summary: 'Backup status: schedule, last backup, next one', responses: { 200: { content: { 'application/json': { schema: statusSchema } }, description: 'The status' }, ...errorResponses } }),
    (c) => c.json(opts.status?.() ?? backupStatus({ database: c.get('store').dialect, schedule: null, files: [], now: new Date().toISOString() }), 200),
  );
}
