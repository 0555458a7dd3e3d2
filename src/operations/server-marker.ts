import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * `serve` on a SQLite file leaves `<database>-server.json` beside it while
 * it runs: its pid, address and backup schedule. `scoutline restore` reads
 * it to refuse replacing a running server's database (without --force), and
 * `scoutline backups` to find the schedule. A marker whose process is gone
 * (the server was killed) counts as no server.
 */
export const serverMarkerSchema = z.object({
  pid: z.number().int(),
  startedAt: z.string(),
  url: z.string(),
  backups: z.object({ dir: z.string(), everyMs: z.number(), keep: z.number() }).nullable(),
});
export type ServerMarker = z.infer<typeof serverMarkerSchema>;

export function serverMarkerPath(databaseFile: string): string {
  return `${resolve(databaseFile)}-server.json`;
}

/** Writes the marker; the answer removes it (only if it is still this process's). */
export function writeServerMarker(databaseFile: string, marker: ServerMarker): () => void {
  const path = serverMarkerPath(databaseFile);
  writeFileSync(path, `${JSON.stringify(marker, null, 2)}\n`);
  return () => {
    if (readServerMarker(databaseFile)?.pid === marker.pid) rmSync(path, { force: true });
  };
}

/** The marker of a server that is still running, or null. */
export function liveServerMarker(databaseFile: string): ServerMarker | null {
  const m = readServerMarker(databaseFile);
  return m && processAlive(m.pid) ? m : null;
}

export function readServerMarker(databaseFile: string): ServerMarker | null {
  const path = serverMarkerPath(databaseFile);
  if (!existsSync(path)) return null;
  try {
    const parsed = serverMarkerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by someone else
    return (err as { code?: string }).code === 'EPERM';
  }
}
