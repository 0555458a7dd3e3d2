import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { action } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';
import { registerMeRemote } from './me-remote.ts';
import { registerCandidatesRemote } from './candidates-remote.ts';
import { registerSearchRemote } from './search-remote.ts';
import { registerImportRemote } from './import-remote.ts';
import { registerCampaignRemote } from './campaign-remote.ts';
import { registerTasksRemote } from './tasks-remote.ts';
import { registerSeatsRemote } from './seats-remote.ts';
import { registerMembersRemote } from './members-remote.ts';
import { registerTokensRemote } from './tokens-remote.ts';
import { registerAuditRemote } from './audit-remote.ts';
import { registerApiRemote } from './api-remote.ts';

/** The commands that talk to a server (`--server URL --token TOKEN`); one file per command group. */
export function registerRemoteCommands(program: Command, client: () => RemoteClient): void {
  registerMeRemote(program, client);
  registerCandidatesRemote(program, client);
  registerSearchRemote(program, client);
  registerImportRemote(program, client);
  registerCampaignRemote(program, client);
  registerTasksRemote(program, client);
  registerSeatsRemote(program, client);
  registerMembersRemote(program, client);
  registerTokensRemote(program, client);
  registerAuditRemote(program, client);
  registerApiRemote(program, client);
}

/**
 * Every command of `other` (the other mode's program) that `program` lacks
 * becomes a command that refuses with `refusal(path)`: a local command in
 * remote mode fails clearly instead of opening a database, and a remote one
 * in local mode says it needs --server. Walks subcommands too, so a command
 * another file adds later is covered without a change here.
 */
export function refuseMissingCommands(program: Command, other: Command, refusal: (path: string) => string, prefix = ''): void {
  for (const theirs of other.commands) {
    const name = theirs.name();
    const path = prefix ? `${prefix} ${name}` : name;
    const ours = program.commands.find((c) => c.name() === name);
    if (ours) {
      refuseMissingCommands(ours, theirs, refusal, path);
      continue;
    }
    program
      .command(name)
      .description(`${theirs.description()} [${refusal(path).includes('local database') ? 'local database only' : 'needs --server'}]`)
      .argument('[args...]')
      .allowUnknownOption()
      .allowExcessArguments()
      .helpOption(false)
      .action(
        action(async () => {
          throw new AppError('invalid_input', refusal(path));
        }),
      );
  }
}

export const localOnly = (path: string): string => `'${path}' works only on a local database; use \`scoutline api ...\` (or run it on the server's machine with --db)`;
export const remoteOnly = (path: string): string => `'${path}' talks to a server: give --server URL and --token TOKEN (or SCOUTLINE_SERVER and SCOUTLINE_TOKEN)`;
