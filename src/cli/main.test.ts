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

describe('commands loaded only when they run (issue #15 item 7)', () => {
  it('the module list names exactly the top-level commands each module adds', async () => {
    const { Command } = await import('commander');
    const { localCommandModules } = await import('./main.ts');
    const program = new Command();
    for (const m of localCommandModules) {
      const before = new Set(program.commands.map((c) => c.name()));
      (await m.load())(program);
      const added = program.commands.map((c) => c.name()).filter((n) => !before.has(n));
      // a module may extend a command an earlier one added (campaign simulate): then it adds none
      expect(added).toEqual(m.commands.filter((c) => !before.has(c)));
    }
  });

  it('each command built alone is the command of the full program: the same help, options and subcommands', async () => {
    const { buildProgram, localCommandModules } = await import('./main.ts');
    const full = await buildProgram();
    const describe = (c: import('commander').Command): string => [c.helpInformation(), ...c.commands.map(describe)].join('\n');
    for (const name of new Set(localCommandModules.flatMap((m) => m.commands))) {
      const alone = await buildProgram({ command: name });
      const a = alone.commands.find((c) => c.name() === name)!;
      const f = full.commands.find((c) => c.name() === name)!;
      expect(describe(a), name).toBe(describe(f));
    }
  });

  it('finds the command name after global options and their values', async () => {
    const { commandNameIn } = await import('./main.ts');
    expect(commandNameIn(['search', 'java'])).toBe('search');
    expect(commandNameIn(['--db', 'x.db', 'search', 'java'])).toBe('search');
    expect(commandNameIn(['--db=x.db', 'candidates', 'list'])).toBe('candidates');
    expect(commandNameIn(['--server', 'http://h', '--token-file', 't', 'me'])).toBe('me');
    expect(commandNameIn(['--version'])).toBeNull();
    expect(commandNameIn(['--help'])).toBeNull();
    expect(commandNameIn([])).toBeNull();
  });

  it('--version, help and a typo still work as before', async () => {
    const { runInProcess } = await import('./remote/in-process-cli.ts');
    expect((await runInProcess(['--version'])).stdout.trim()).toBe('0.1.0');
    const help = await runInProcess(['--help']);
    for (const name of ['serve', 'search', 'campaign', 'privacy', 'me']) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    const typo = await runInProcess(['serch', 'java']);
    expect(typo.code).toBe(exitStatusFor('invalid_input'));
    expect(typo.stderr).toContain("unknown command 'serch'");
  });
});
