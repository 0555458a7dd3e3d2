import { afterEach, describe, expect, it, vi } from 'vitest';
import { action } from './cli-context.ts';

/** What a command action prints and exits with when it fails: the error table's code and status, never a stack for a known condition. */
async function failWith(err: unknown): Promise<{ stderr: string; exitCode: number | undefined }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const before = process.exitCode;
  try {
    await action(async () => {
      throw err;
    })();
    return { stderr, exitCode: process.exitCode as number | undefined };
  } finally {
    spy.mockRestore();
    process.exitCode = before;
  }
}

describe('CLI action errors', () => {
  afterEach(() => vi.restoreAllMocks());

  it('PostgreSQL going away mid-command is storage_unavailable (exit 51), not internal with a stack', async () => {
    const pgError = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const r = await failWith(pgError);
    expect(r.exitCode).toBe(51);
    expect(r.stderr).toBe('scoutline: storage_unavailable: the database cannot be reached just now; try again shortly\n');
  });

  it('a full disk mid-command is storage_full (exit 52), and a refused connection inside an AggregateError is found too', async () => {
    expect((await failWith(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).exitCode).toBe(52);
    const refused = new AggregateError([Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })], '');
    expect((await failWith(refused)).exitCode).toBe(51);
  });

  it('an unknown error is still internal (exit status from the table) with its stack for the bug report', async () => {
    const r = await failWith(new Error('something unexpected'));
    expect(r.stderr).toMatch(/^scoutline: internal: something unexpected\nError: something unexpected\n\s+at /);
    expect(r.exitCode).not.toBe(0);
  });
});
