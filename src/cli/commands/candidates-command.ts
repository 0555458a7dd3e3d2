import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { getCandidate, listCandidates } from '../../candidates/candidate-store.ts';
import { eraseCandidates } from '../../privacy/erase-candidates-store.ts';
import { erasureAuditDetails } from '../../privacy/erasure.ts';
import { locationText } from '../../candidates/candidate.ts';
import { auditCli } from '../cli-audit.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, printJson, withStore } from '../cli-context.ts';

function candidateId(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new AppError('invalid_input', `candidate id must be a positive whole number, got '${raw}'`);
  return id;
}

export function registerCandidateCommands(program: Command): void {
  const candidates = program.command('candidates').description('list, show and delete candidates');

  candidates
    .command('list')
    .description('list candidates, oldest first')
    .option('--limit <n>', 'how many', parseIntOption('limit'), 20)
    .option('--offset <n>', 'skip this many', parseIntOption('offset'), 0)
    .option('--open-profile', 'only Open Profile members (InMail is free)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { limit: number; offset: number; openProfile?: boolean; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const page = await listCandidates(store, defaultWorkspace, { limit: opts.limit, offset: opts.offset, openProfile: opts.openProfile ? true : undefined });
          if (opts.json) return printJson(page);
          for (const c of page.candidates) {
            const flags = [c.linkedin.openProfile ? 'open-profile' : '', c.linkedin.openToWork ? 'open-to-work' : ''].filter(Boolean).join(' ');
            console.log(`${String(c.id).padStart(7)}  ${c.name}  —  ${c.headline || '(no headline)'}  [${locationText(c.location)}] ${flags}`);
          }
          console.log(`${page.candidates.length} of ${page.total} candidates`);
        });
      }),
    );

  candidates
    .command('show <id>')
    .description('show one candidate as JSON')
    .action(
      action(async (id: string, _opts: unknown, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => printJson(await getCandidate(store, defaultWorkspace, candidateId(id))));
      }),
    );

  candidates
    .command('delete <id>')
    .description('erase a candidate: their data leaves every table in one transaction, their hashed addresses stay suppressed (docs/privacy.md)')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const n = candidateId(id);
          const summary = await eraseCandidates(store, defaultWorkspace, [n], { audit: (trx, s) => auditCli(trx, defaultWorkspace, 'candidate_deleted', `candidate:${n}`, erasureAuditDetails(s, { via: 'cli' })) });
          if (opts.json) printJson({ deleted: n, suppressionHashes: summary.suppressionHashes });
          else console.log(`erased candidate ${n} (${summary.suppressionHashes} hashed suppression entries kept so they are never contacted again)`);
        });
      }),
    );
}
