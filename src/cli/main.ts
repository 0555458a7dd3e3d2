import { Command, CommanderError } from 'commander';
import { registerCandidateCommands } from './commands/candidates-command.ts';
import { registerServeCommand } from './commands/serve-command.ts';
import { registerImportCommand } from './commands/import-command.ts';
import { registerDemoDataCommand } from './commands/demo-data-command.ts';
import { registerBenchCommand } from './commands/bench-command.ts';
import { registerSearchCommands } from './commands/search-command.ts';
import { registerCreditCommands } from './commands/credits-command.ts';
import { registerRankingCommands } from './commands/ranking-command.ts';
import { registerMessageCommands } from './commands/compose-command.ts';
import { registerOutreachCommands } from './commands/outreach-command.ts';
import { registerAnalyticsCommands } from './commands/analytics-command.ts';
import { registerCampaignSimulateCommand } from './commands/campaign-simulate-command.ts';
import { registerOutcomesImportCommand } from './commands/outcomes-import-command.ts';
import { registerSettingsCommands } from './commands/settings-command.ts';
import { exitStatusFor } from '../core/error-codes.ts';
import { AppError, toAppError } from '../core/app-error.ts';
import { registerUsersCommands } from './commands/users-command.ts';
import { registerWorkspacesCommands } from './commands/workspaces-command.ts';
import { registerMembersCommands } from './commands/members-command.ts';
import { registerTokensCommands } from './commands/tokens-command.ts';
import { registerAuditCommand } from './commands/audit-command.ts';
import { registerBackupCommands } from './commands/backup-command.ts';
import { registerRestoreCommand } from './commands/restore-command.ts';
import { registerPrivacyCommands } from './commands/privacy-command.ts';
import { cliMode } from './remote/remote-mode.ts';
import { RemoteClient } from './remote/remote-client.ts';
import { localOnly, refuseMissingCommands, registerRemoteCommands, remoteOnly } from './remote/remote-program.ts';

/** The commands that work on a database file (--db / SCOUTLINE_DB), as its owner. */
export function registerLocalCommands(program: Command): void {
  registerServeCommand(program);
  registerImportCommand(program);
  registerDemoDataCommand(program);
  registerCandidateCommands(program);
  registerSearchCommands(program);
  registerRankingCommands(program);
  registerCreditCommands(program);
  registerMessageCommands(program);
  registerOutreachCommands(program);
  registerAnalyticsCommands(program);
  registerCampaignSimulateCommand(program);
  registerOutcomesImportCommand(program);
  registerSettingsCommands(program);
  registerBenchCommand(program);
  registerUsersCommands(program);
  registerWorkspacesCommands(program);
  registerMembersCommands(program);
  registerTokensCommands(program);
  registerAuditCommand(program);
  registerBackupCommands(program);
  registerRestoreCommand(program);
  registerPrivacyCommands(program);
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
export function buildProgram(options: { remote?: { server: string; token: string | null } | null } = {}): Command {
  const program = baseProgram();
  const remote = options.remote;
  if (remote) {
    const client = new RemoteClient(remote);
    registerRemoteCommands(program, () => client);
    const local = baseProgram();
    registerLocalCommands(local);
    refuseMissingCommands(program, local, localOnly);
  } else {
    registerLocalCommands(program);
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
    const mode = cliMode(argv.slice(2));
    program = buildProgram({ remote: mode.kind === 'remote' ? mode : null });
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

