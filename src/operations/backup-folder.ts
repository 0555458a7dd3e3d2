import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupFileName, backupsToPrune, backupTimeOf } from './backup-schedule.ts';
import type { BackupFile } from './backup-status.ts';
import type { BackupResult } from './sqlite-backup.ts';

/** The scheduled backups in a folder (files named by backupFileName), with their sizes; [] when the folder does not exist. */
export function listBackupFiles(dir: string): Array<{ name: string; bytes: number }> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: Array<{ name: string; bytes: number }> = [];
  for (const name of names) {
    if (backupTimeOf(name) === null) continue;
    try {
      out.push({ name, bytes: statSync(join(dir, name)).size });
    } catch {
      // removed meanwhile
    }
  }
  return out;
}

/** The same, newest first, with each one's time. */
export function backupFolderFiles(dir: string): BackupFile[] {
  return listBackupFiles(dir)
    .map((f) => ({ file: f.name, bytes: f.bytes, at: backupTimeOf(f.name)! }))
    .sort((a, b) => (a.at < b.at ? 1 : -1));
}

/**
 * One backup into `dir` under a timestamped name, then rotation: all but
 * the newest `keep` scheduled backups are deleted (only after the new one
 * is complete and checked, so a failed backup never costs an old one).
 */
export async function backupIntoFolder(
  dir: string,
  keep: number,
  backup: (file: string) => Promise<BackupResult>,
  now: Date = new Date(),
): Promise<{ result: BackupResult; pruned: string[] }> {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  const result = await backup(join(folder, backupFileName(now)));
  const pruned = backupsToPrune(listBackupFiles(folder).map((f) => f.name), keep);
  for (const name of pruned) rmSync(join(folder, name), { force: true });
  return { result, pruned };
}
