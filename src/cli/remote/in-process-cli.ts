import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { format } from 'node:util';
import { main } from '../main.ts';
import type { CliRun } from '../cli-process.ts';
import type { Store } from '../../db/open-database.ts';
import { createApp } from '../../api/app.ts';
import { testAccess } from '../../api/test-app.ts';

let running = false;

/**
 * Runs the real CLI (`main`, the same entry bin/scoutline calls) in this
 * process and returns its exit status and output, as runScoutline does for a
 * child process, without paying a process start per command. One at a time:
 * it captures this process's stdout and stderr while it runs.
 */
export async function runInProcess(args: string[]): Promise<CliRun> {
  if (running) throw new Error('runInProcess: one command at a time');
  running = true;
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const capture = (sink: string[]) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }) as typeof process.stdout.write;
  const argv = process.argv;
  // the test runner replaces console; commands print with console.log as well as process.stdout.write
  const { log, error } = console;
  console.log = (...a: unknown[]) => void out.push(`${format(...a)}\n`);
  console.error = (...a: unknown[]) => void err.push(`${format(...a)}\n`);
  process.exitCode = undefined;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  try {
    process.argv = ['node', 'scoutline', ...args];
    await main(process.argv);
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.argv = argv;
    console.log = log;
    console.error = error;
    running = false;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** The real API on 127.0.0.1 and a free port over `store`, for the CLI in remote mode to talk to. */
export async function startTestServer(store: Store): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp({ store, access: testAccess(store, { publicUrl: 'http://127.0.0.1' }) });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
