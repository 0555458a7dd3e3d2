import { Command } from 'commander';
import { AppError, isAppError, toAppError } from '../core/app-error.ts';
import { exitStatusFor } from '../core/error-codes.ts';
import { openDatabase, type Store } from '../db/open-database.ts';
import { storageFailureOf } from '../db/storage-failure.ts';

export const defaultWorkspace = 'default';

/** Opens the database named by --db / SCOUTLINE_DB, runs fn, and always closes it. */
export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openDatabase(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Prints a value as JSON on stdout (the machine contract of every --json flag). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Wraps a command action: an AppError is printed (as JSON with --json, as a
 * line for people otherwise) and the process exits with the status from the
 * one code table. A storage failure in the middle of a command (PostgreSQL
 * restarting, a full disk) gets its own code and exit status, as the API
 * answers it, not `internal` with a stack.
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      const e = isAppError(err) ? err : (storageFailureOf(err) ?? toAppError(err));
      const wantsJson = wantsJsonOutput(args);
      if (wantsJson) process.stdout.write(`${JSON.stringify(e.toJSON(), null, 2)}\n`);
      process.stderr.write(`scoutline: ${e.code}: ${errorLines(e.message, e.details?.display)}\n`);
      if (e.code === 'internal' && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
      process.exitCode = exitStatusFor(e.code);
    }
  };
}

/**
 * The message, then a display the error carries (a query with a caret under
 * the column), whose own last line repeats the message with its column: that
 * line takes the message's place, so the message is said once.
 */
export function errorLines(message: string, display: unknown): string {
  if (typeof display !== 'string' || display === '') return message;
  const lines = display.split('\n');
  const last = lines[lines.length - 1] ?? '';
  return last.startsWith(message) ? [last, ...lines.slice(0, -1)].join('\n') : [message, ...lines].join('\n');
}

/** --json of the command that ran (commander passes it last), else anywhere on the command line. */
function wantsJsonOutput(args: unknown[]): boolean {
  const cmd = args[args.length - 1];
  if (cmd instanceof Command && cmd.opts().json === true) return true;
  return process.argv.includes('--json');
}

export function parseIntOption(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new AppError('invalid_input', `--${name} expects a whole number, got '${value}'`);
    return n;
  };
}

export function parseNumberOption(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new AppError('invalid_input', `--${name} expects a number, got '${value}'`);
    return n;
  };
}

/** The --db option, given before or after the subcommand (`scoutline --db x search` or `scoutline search --db x`). */
export function dbOption(cmd: Command): string | undefined {
  let c: Command | null = cmd;
  while (c) {
    const v = c.opts().db as string | undefined;
    if (v) return v;
    c = c.parent;
  }
  return undefined;
}
