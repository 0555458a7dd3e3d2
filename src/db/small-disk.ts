import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Test fixture: a real small disk (a tmpfs of a few MiB) to fill, and
 * read-only mounts, for the storage error tests. Mounting needs root
 * (CAP_SYS_ADMIN); without it `mountSmallDisk` answers null and the tests
 * say which fallback they use.
 */
export interface SmallDisk {
  dir: string;
  /** grows (or shrinks) the disk in place: "free some space" */
  resize(mib: number): Promise<void>;
  /** makes the whole disk read-only, or writable again */
  setReadOnly(readOnly: boolean): Promise<void>;
  destroy(): Promise<void>;
}

export const cannotMountReason = 'cannot mount a tmpfs here (needs root)';

export async function mountSmallDisk(mib: number): Promise<SmallDisk | null> {
  const dir = mkdtempSync(join(tmpdir(), 'scoutline-disk-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${mib}m,mode=0777`, 'tmpfs', dir]);
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    resize: async (size) => void (await run('mount', ['-o', `remount,size=${size}m`, dir])),
    setReadOnly: async (ro) => void (await run('mount', ['-o', `remount,${ro ? 'ro' : 'rw'}`, dir])),
    async destroy() {
      await run('umount', ['-l', dir]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Bind-mounts one file read-only over itself (root); returns the undo, or null when mounting is not allowed. */
export async function bindFileReadOnly(file: string): Promise<(() => Promise<void>) | null> {
  try {
    await run('mount', ['--bind', file, file]);
  } catch {
    return null;
  }
  try {
    await run('mount', ['-o', 'remount,ro,bind', file]);
  } catch {
    await run('umount', [file]).catch(() => undefined);
    return null;
  }
  return async () => void (await run('umount', [file]));
}
