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
import { exitStatusFor } from '../core/error-codes.ts';
import { AppError } from '../core/app-error.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('scoutline')
    .description('Sourcing and outreach for recruiters: Boolean search, prioritisation, paced LinkedIn outreach, InMail credit accounting.')
    .version('0.1.0')
    .showHelpAfterError()
    .option('--db <target>', 'database: a SQLite file path or a postgres:// URL (default: $SCOUTLINE_DB or ./data/scoutline.db)');
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
  registerBenchCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
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

