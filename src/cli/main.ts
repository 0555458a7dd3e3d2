import { Command, CommanderError } from 'commander';
import { exitStatusFor } from '../core/error-codes.ts';
import { AppError, toAppError } from '../core/app-error.ts';
import { cliMode } from './remote/remote-mode.ts';

type Registrar = (program: Command) => void;

/**
 * The local commands, each module with the top-level commands it adds, in
 * the order they are registered (campaign-simulate adds `campaign simulate`
 * to outreach's `campaign`). A command runs with only its own modules
 * loaded (issue #15: a start no longer compiles and loads every command
 * and its dependencies); help and unknown names load them all. A test
 * (main.test.ts) checks this list against what each module registers.
 */
export const localCommandModules: ReadonlyArray<{ commands: readonly string[]; load: () => Promise<Registrar> }> = [
  { commands: ['serve'], load: async () => (await import('./commands/serve-command.ts')).registerServeCommand },
  { commands: ['import'], load: async () => (await import('./commands/import-command.ts')).registerImportCommand },
  { commands: ['demo-data'], load: async () => (await import('./commands/demo-data-command.ts')).registerDemoDataCommand },
  { commands: ['candidates'], load: async () => (await import('./commands/candidates-command.ts')).registerCandidateCommands },
  { commands: ['search', 'search-index'], load: async () => (await import('./commands/search-command.ts')).registerSearchCommands },
  { commands: ['rank', 'feedback', 'roles', 'ranking'], load: async () => (await import('./commands/ranking-command.ts')).registerRankingCommands },
  { commands: ['seats', 'credits'], load: async () => (await import('./commands/credits-command.ts')).registerCreditCommands },
  { commands: ['compose', 'templates'], load: async () => (await import('./commands/compose-command.ts')).registerMessageCommands },
  { commands: ['campaign', 'suppress', 'tasks', 'pacing', 'worker', 'outcome'], load: async () => (await import('./commands/outreach-command.ts')).registerOutreachCommands },
  { commands: ['analytics'], load: async () => (await import('./commands/analytics-command.ts')).registerAnalyticsCommands },
  { commands: ['campaign'], load: async () => (await import('./commands/campaign-simulate-command.ts')).registerCampaignSimulateCommand },
  { commands: ['outcomes'], load: async () => (await import('./commands/outcomes-import-command.ts')).registerOutcomesImportCommand },
  { commands: ['settings'], load: async () => (await import('./commands/settings-command.ts')).registerSettingsCommands },
  { commands: ['bench'], load: async () => (await import('./commands/bench-command.ts')).registerBenchCommand },
  { commands: ['users'], load: async () => (await import('./commands/users-command.ts')).registerUsersCommands },
  { commands: ['workspaces'], load: async () => (await import('./commands/workspaces-command.ts')).registerWorkspacesCommands },
  { commands: ['members', 'invite'], load: async () => (await import('./commands/members-command.ts')).registerMembersCommands },
  { commands: ['tokens'], load: async () => (await import('./commands/tokens-command.ts')).registerTokensCommands },
  { commands: ['audit'], load: async () => (await import('./commands/audit-command.ts')).registerAuditCommand },
  { commands: ['backup', 'backups'], load: async () => (await import('./commands/backup-command.ts')).registerBackupCommands },
  { commands: ['restore'], load: async () => (await import('./commands/restore-command.ts')).registerRestoreCommand },
  { commands: ['privacy'], load: async () => (await import('./commands/privacy-command.ts')).registerPrivacyCommands },
];

/** The commands that work on a database file (--db / SCOUTLINE_DB), as its owner: all of them, or only the modules of `only`. */
export async function registerLocalCommands(program: Command, only?: string): Promise<void> {
  const modules = only === undefined ? localCommandModules : localCommandModules.filter((m) => m.commands.includes(only));
  for (const registrar of await Promise.all(modules.map((m) => m.load()))) registrar(program);
}

/** Global options that take a value: the word after them is not the command's name. */
const globalOptionsWithValue = new Set(['--db', '--server', '--token', '--token-file']);

/** The command named on the command line (the first word that is not a global option or its value), or null. */
export function commandNameIn(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (globalOptionsWithValue.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) {
      // --version, --help and other options before any command: no command named
      if (a.includes('=') && globalOptionsWithValue.has(a.slice(0, a.indexOf('=')))) continue;
      return null;
    }
    return a;
  }
  return null;
}

function baseProgram(): Command {
  return new Command()
    .name('scoutline')
    .description('Sourcing and outreach for recruiters: Boolean search, prioritisation, paced LinkedIn outreach, InMail credit accounting.')
    .version('0.1.0')
    .showHelpAfterError()
    .option('--db <target>', 'database: a SQLite file path or a postgres:// URL (default: $SCOUTLINE_DB or ./data/scoutline.db)')
    .option('--server <url>', 'work against a Scoutline server instead of a database (also $SCOUTLINE_SERVER); needs an API token')
    .option('--token <token>', 'API token for --server (also $SCOUTLINE_TOKEN; prefer --token-file: arguments show in `ps`)')
    .option('--token-file <file>', 'read the API token from this file (also $SCOUTLINE_TOKEN_FILE)');
}

/**
 * The program for one mode, decided before it is built (remote-mode.ts):
 * local commands work on the database; with `remote`, the commands of
 * src/cli/remote/ call the server's API, and every local command without a
 * remote form refuses instead of opening a database.
 */
export async function buildProgram(options: { remote?: { server: string; token: string | null } | null; command?: string | null; versionOnly?: boolean } = {}): Promise<Command> {
  const program = baseProgram();
  const remote = options.remote;
  const command = options.command ?? null;
  if (remote) {
    const { RemoteClient } = await import('./remote/remote-client.ts');
    const { localOnly, refuseMissingCommands, registerRemoteCommands } = await import('./remote/remote-program.ts');
    const client = new RemoteClient(remote);
    registerRemoteCommands(program, () => client);
    const local = baseProgram();
    await registerLocalCommands(local);
    refuseMissingCommands(program, local, localOnly);
  } else if (command !== null && localCommandModules.some((m) => m.commands.includes(command))) {
    // a local command: only its modules (a remote-only name is never in the list, so it takes the path below)
    await registerLocalCommands(program, command);
  } else if (command === null && options.versionOnly) {
    // --version needs no command at all
  } else {
    const { refuseMissingCommands, registerRemoteCommands, remoteOnly } = await import('./remote/remote-program.ts');
    await registerLocalCommands(program);
    const names = baseProgram();
    registerRemoteCommands(names, () => {
      throw new AppError('internal', 'no server in local mode');
    });
    refuseMissingCommands(program, names, remoteOnly);
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  let program: Command;
  try {
    const args = argv.slice(2);
    const mode = cliMode(args);
    const versionOnly = args.length > 0 && args.every((a) => a === '--version' || a === '-V');
    program = await buildProgram({ remote: mode.kind === 'remote' ? mode : null, command: commandNameIn(args), versionOnly });
  } catch (err) {
    const e = toAppError(err);
    process.stderr.write(`scoutline: ${e.code}: ${e.message}\n`);
    process.exitCode = exitStatusFor(e.code);
    return;
  }
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; usage errors use the invalid_input exit status
      process.exitCode = err.exitCode === 0 ? 0 : exitStatusFor('invalid_input');
      return;
    }
    if (err instanceof AppError) {
      // refused while commander was still reading the arguments (an option parser), before any action ran
      process.stderr.write(`scoutline: ${err.code}: ${err.message}\n`);
      process.exitCode = exitStatusFor(err.code);
      return;
    }
    throw err;
  }
}

