import { describe, expect, it } from 'vitest';
import { exitStatusFor } from '../core/error-codes.ts';
import { runScoutline } from './cli-process.ts';

describe('scoutline option values', () => {
  it('refuses a malformed number with the invalid_input exit status and one line, not a stack trace', async () => {
    const run = await runScoutline(['search', '--limit', 'x', 'engineer']);
    expect(run.code).toBe(exitStatusFor('invalid_input'));
    expect(run.stderr.trim()).toBe("scoutline: invalid_input: --limit expects a whole number, got 'x'");
  }, 60_000);
});

describe('scoutline modes', () => {
  it('a command that needs a server says so on a local database, and --server with --db is refused', async () => {
    const { runInProcess } = await import('./remote/in-process-cli.ts');
    const me = await runInProcess(['me']);
    expect(me.code).toBe(exitStatusFor('invalid_input'));
    expect(me.stderr).toContain("'me' talks to a server: give --server URL and --token TOKEN");
    const both = await runInProcess(['--server', 'http://127.0.0.1:9', '--db', 'x.db', 'candidates', 'list']);
    expect(both.code).toBe(exitStatusFor('invalid_input'));
    expect(both.stderr).toContain('not both');
  });

  it('an unreachable server is an upstream_error, named by its origin only', async () => {
    const { runInProcess } = await import('./remote/in-process-cli.ts');
    const token = `sl_tok_${'z'.repeat(43)}`;
    // port 9 (discard) on loopback: nothing listens there in the test environment
    const run = await runInProcess(['--server', 'http://127.0.0.1:9', '--token', token, 'candidates', 'list']);
    expect(run.code).toBe(exitStatusFor('upstream_error'));
    expect(run.stderr).toContain('cannot reach the Scoutline server at http://127.0.0.1:9');
    expect(run.stderr).not.toContain(token);
  });
});
