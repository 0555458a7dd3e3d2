import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../../bin/scoutline');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs bin/scoutline in a child process, as a user would, and returns its
 * exit status and output instead of throwing on a non-zero exit (the exit
 * status is part of the CLI's contract). Used by the CLI contract tests.
 */
export async function runScoutline(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: options.env ?? process.env, cwd: options.cwd });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
