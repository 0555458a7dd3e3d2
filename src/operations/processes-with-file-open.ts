import { readdirSync, readlinkSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The other processes that have any of these files open, from /proc (Linux):
 * how `scoutline restore` finds a `scoutline worker`, a second server or a
 * sqlite3 shell on the database, which write no marker. Only processes this
 * user may inspect are seen (all of them for root). Null where /proc is not
 * there (macOS, Windows): unknown, not "none".
 */
export function processesWithFileOpen(files: readonly string[], self: number = process.pid): number[] | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const wanted = new Set(files.map((f) => resolve(f)));
  const found: number[] = [];
  for (const pid of pids) {
    if (Number(pid) === self) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (wanted.has(target)) {
        found.push(Number(pid));
        break;
      }
    }
  }
  return found.sort((a, b) => a - b);
}
