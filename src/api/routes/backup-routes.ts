import type { ScoutlineApp } from '../app-env.ts';
import { backupStatusRoute } from '../../api-contract/backup-contract.ts';
import { backupStatus, type BackupStatus } from '../../operations/backup-status.ts';

/**
 * GET /api/settings/backups (admins and the owner): whether this server
 * backs up on a schedule, the newest backup (time, file, size), when the
 * next is due, a failure if the newest attempt failed. The backups hold the
 * whole database (every workspace); the answer names files, not content.
 */
export function registerBackupRoutes(app: ScoutlineApp, opts: { status?: () => BackupStatus }): void {
  app.openapi(backupStatusRoute, (c) => c.json(opts.status?.() ?? backupStatus({ database: c.get('store').dialect, schedule: null, files: [], now: new Date().toISOString() }), 200));
}
