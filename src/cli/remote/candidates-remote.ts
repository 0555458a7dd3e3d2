import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { locationText, type Candidate } from '../../candidates/candidate.ts';
import { action, parseIntOption, printJson } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';

function candidateId(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new AppError('invalid_input', `candidate id must be a positive whole number, got '${raw}'`);
  return id;
}

/** `candidates list|show|delete` against a server: the same output as on a local database. */
export function registerCandidatesRemote(program: Command, client: () => RemoteClient): void {
  const candidates = program.command('candidates').description('list, show and delete candidates');

  candidates
    .command('list')
    .description('list candidates, oldest first')
    .option('--limit <n>', 'how many (1-500)', parseIntOption('limit'), 20)
    .option('--offset <n>', 'skip this many', parseIntOption('offset'), 0)
    .option('--open-profile', 'only Open Profile members (InMail is free)')
    .option('--json', "print the API's JSON")
    .action(
      action(async (opts: { limit: number; offset: number; openProfile?: boolean; json?: boolean }) => {
        const page = await client().json<{ total: number; candidates: Candidate[] }>('GET', '/api/candidates', { query: { limit: opts.limit, offset: opts.offset, openProfile: opts.openProfile ? 'true' : undefined } });
        if (opts.json) return printJson(page);
        for (const c of page.candidates) {
          const flags = [c.linkedin.openProfile ? 'open-profile' : '', c.linkedin.openToWork ? 'open-to-work' : ''].filter(Boolean).join(' ');
          console.log(`${String(c.id).padStart(7)}  ${c.name}  —  ${c.headline || '(no headline)'}  [${locationText(c.location)}] ${flags}`);
        }
        console.log(`${page.candidates.length} of ${page.total} candidates`);
      }),
    );

  candidates
    .command('show <id>')
    .description('show one candidate as JSON')
    .action(
      action(async (id: string) => {
        printJson(await client().json('GET', `/api/candidates/${candidateId(id)}`));
      }),
    );

  candidates
    .command('delete <id>')
    .description('delete a candidate (admins)')
    .option('--json', "print the API's JSON")
    .action(
      action(async (id: string, opts: { json?: boolean }) => {
        const r = await client().json<{ deleted: number }>('DELETE', `/api/candidates/${candidateId(id)}`);
        if (opts.json) return printJson(r);
        console.log(`deleted candidate ${r.deleted}`);
      }),
    );
}
