import { zodIssuesToAppError } from '../../core/zod-issues.ts';
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import { rankSorts, type RankSort } from '../../ranking/candidate-score.ts';
import { prepareCandidateFacts } from '../../ranking/candidate-facts-store.ts';
import { embeddingsConfigFromEnv } from '../../ranking/embeddings-provider.ts';
import { weightsStatement } from '../../ranking/explain.ts';
import { extractCriteria } from '../../ranking/extract-criteria.ts';
import { recordFeedback, recordOutcomeForLearning } from '../../ranking/learn-from-outcomes.ts';
import { rankCandidates, type RankResult } from '../../ranking/rank-candidates.ts';
import { feedbackVerdicts, outreachOutcomes, type FeedbackVerdict, type OutreachOutcome } from '../../ranking/ranking-model.ts';
import { countExamples, deleteRole, getRole, listRoles, loadRankingModel, resetLearning, saveRole } from '../../ranking/ranking-store.ts';
import { roleProfileSchema, type RoleProfile } from '../../ranking/role-profile.ts';
import { embeddingsProviderFor } from '../../ranking/semantic-similarity.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, printJson, withStore } from '../cli-context.ts';

/** A ROLE.json path, the id of a saved role, or its name ("Senior Backend Engineer"). */
export async function loadRole(store: Store, ref: string): Promise<RoleProfile> {
  if (existsSync(ref)) return parseRoleFile(ref);
  const roles = await listRoles(store, defaultWorkspace);
  const byId = roles.find((r) => r.id === ref);
  if (byId) return byId;
  const named = roles.filter((r) => r.name.trim().toLowerCase() === ref.trim().toLowerCase());
  if (named.length === 1) return named[0]!;
  const why = named.length > 1 ? `${named.length} saved roles are named "${ref}" (${named.map((r) => r.id).join(', ')}): give the id` : `no ROLE.json file and no saved role with the id or name "${ref}"`;
  throw new AppError('not_found', `${why}. \`scoutline roles list\` shows the saved roles; \`scoutline roles save ROLE.json\` saves one`, { role: ref });
}

function parseRoleFile(path: string): RoleProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new AppError('invalid_input', `${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = roleProfileSchema.safeParse(raw);
  if (!parsed.success) throw zodIssuesToAppError(parsed.error.issues, 'role', { prefix: path });
  return parsed.data;
}

function parseSort(v: string): RankSort {
  if (!(rankSorts as readonly string[]).includes(v)) throw new AppError('invalid_input', `--sort must be one of ${rankSorts.join(', ')}, got '${v}'`);
  return v as RankSort;
}

export function printRankResult(r: RankResult, opts: { why?: boolean } = {}): void {
  console.log(`${r.role.name}: ${r.total} match${r.total === 1 ? '' : 'es'}, top ${r.considered} ranked by ${r.sort}`);
  if (r.role.inferred.length) console.log(`  criteria taken from: ${r.role.inferred.join(', ')}`);
  console.log(`  weights: ${r.weights}`);
  console.log('');
  console.log(`${'prio'.padStart(5)} ${'fit'.padStart(4)} ${'reply'.padStart(6)}  ${'id'.padStart(7)}  candidate`);
  for (const c of r.results) {
    const flags = c.openProfile ? ' [Open Profile]' : '';
    console.log(`${c.priority.toFixed(0).padStart(5)} ${c.fit.toFixed(0).padStart(4)} ${`${c.replyLikelihood.toFixed(0)}%`.padStart(6)}  ${String(c.candidateId).padStart(7)}  ${c.name} - ${c.headline || '(no headline)'}${c.location ? ` (${c.location})` : ''}${flags}`);
    if (opts.why !== false && c.why) for (const item of c.why.items.slice(0, 4)) console.log(`${' '.repeat(28)}${item.contribution >= 0 ? '+' : '-'} ${item.text}`);
  }
}

export function registerRankingCommands(program: Command): void {
  program
    .command('rank <role>')
    .description('rank the matches of a role (ROLE.json or a saved role id) by who to contact first, with reasons')
    .option('--seat <id>', 'the seat that will reach out (shared employer/school)')
    .option('--limit <n>', 'how many results', parseIntOption('limit'), 25)
    .option('--offset <n>', 'skip this many', parseIntOption('offset'), 0)
    .option('--sort <order>', `priority | fit | reply | relevance (BM25)`, parseSort, 'priority' as RankSort)
    .option('--considered <n>', 'how many top search matches to rank', parseIntOption('considered'), 1000)
    .option('--no-why', 'leave the reasons out of the listing')
    .option('--json', 'print JSON')
    .action(
      action(async (ref: string, opts: { seat?: string; limit: number; offset: number; sort: RankSort; considered: number; why: boolean; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const role = await loadRole(store, ref);
          const result = await rankCandidates(store, defaultWorkspace, role, {
            seatId: opts.seat,
            limit: opts.limit,
            offset: opts.offset,
            sort: opts.sort,
            considered: opts.considered,
            embeddings: embeddingsProviderFor(embeddingsConfigFromEnv()),
          });
          if (opts.json) return printJson(result);
          printRankResult(result, { why: opts.why });
        });
      }),
    );

  program
    .command('feedback <candidateId> <verdict>')
    .description(`record a verdict (${feedbackVerdicts.join(' | ')}) on a candidate for a role; ranking learns from it`)
    .requiredOption('--role <id>', 'saved role id')
    .option('--json', 'print JSON')
    .action(
      action(async (candidateId: string, verdict: string, opts: { role: string; json?: boolean }, cmd: Command) => {
        if (!(feedbackVerdicts as readonly string[]).includes(verdict)) throw new AppError('invalid_input', `verdict must be ${feedbackVerdicts.join(' or ')}, got '${verdict}'`);
        const id = positiveId(candidateId);
        await withStore(dbOption(cmd), async (store) => {
          const model = await recordFeedback(store, defaultWorkspace, { candidateId: id, roleId: opts.role, verdict: verdict as FeedbackVerdict });
          if (opts.json) return printJson({ recorded: true, weights: weightsStatement(model.info) });
          console.log(`recorded ${verdict} for candidate ${id} on role ${opts.role}; ${weightsStatement(model.info)}`);
        });
      }),
    );

  const roles = program.command('roles').description('saved roles for ranking');
  roles
    .command('save <file>')
    .description('save (or replace) a role from ROLE.json')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
        const role = parseRoleFile(file);
        await withStore(dbOption(cmd), async (store) => {
          const saved = await saveRole(store, defaultWorkspace, role);
          if (opts.json) return printJson(saved);
          console.log(`saved role ${saved.id} (${saved.name})`);
        });
      }),
    );
  roles
    // `scoutline roles` alone lists them
    .command('list', { isDefault: true })
    .description('saved roles (the default: `scoutline roles`)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const list = await listRoles(store, defaultWorkspace);
          if (opts.json) return printJson({ roles: list });
          for (const r of list) console.log(`${r.id}  ${r.name}  —  ${r.query}`);
          console.log(`${list.length} role${list.length === 1 ? '' : 's'}`);
        });
      }),
    );
  roles
    .command('show <id>')
    .action(
      action(async (id: string, _opts: unknown, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => printJson(await getRole(store, defaultWorkspace, id)));
      }),
    );
  roles
    .command('delete <id>')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          await deleteRole(store, defaultWorkspace, id);
          if (opts.json) return printJson({ deleted: id });
          console.log(`deleted role ${id}`);
        });
      }),
    );
  roles
    .command('extract <file>')
    .description('show the criteria Scoutline reads from a job description text file')
    .action(
      action(async (file: string) => {
        if (!existsSync(file)) throw new AppError('not_found', `no file ${file}`);
        printJson(extractCriteria(readFileSync(file, 'utf8')));
      }),
    );

  const ranking = program.command('ranking').description('what ranking has learned in this workspace');
  ranking
    .command('model')
    .description('show the weights in use (priors or learned) and how many examples they come from')
    .action(
      action(async (_opts: unknown, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const model = await loadRankingModel(store, defaultWorkspace);
          printJson({ weights: weightsStatement(model.info), examples: await countExamples(store, defaultWorkspace), fitWeights: model.fitWeights, reply: model.reply });
        });
      }),
    );
  ranking
    .command('outcome <candidateId> <outcome>')
    .description(`record an outreach outcome (${outreachOutcomes.join(' | ')}) for learning`)
    .option('--role <id>', 'saved role id')
    .option('--seat <id>', 'the seat that reached out')
    .action(
      action(async (candidateId: string, outcome: string, opts: { role?: string; seat?: string }, cmd: Command) => {
        if (!(outreachOutcomes as readonly string[]).includes(outcome)) throw new AppError('invalid_input', `outcome must be one of ${outreachOutcomes.join(', ')}, got '${outcome}'`);
        await withStore(dbOption(cmd), async (store) => {
          const model = await recordOutcomeForLearning(store, defaultWorkspace, { candidateId: positiveId(candidateId), outcome: outcome as OutreachOutcome, roleId: opts.role, seatId: opts.seat });
          console.log(`recorded ${outcome}; ${weightsStatement(model.info)}`);
        });
      }),
    );
  ranking
    .command('facts')
    .description('read every candidate\'s profile facts (skills, titles, career dates) now and store them, so no ranking pays for it; run after a large import')
    .option('--json', 'print the counts as JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const started = performance.now();
          const tty = !opts.json && process.stderr.isTTY === true;
          const done = await prepareCandidateFacts(store, defaultWorkspace, {
            onBatch: tty ? ({ seen, computed }) => process.stderr.write(`\r${seen.toLocaleString('en')} candidates, ${computed.toLocaleString('en')} read`) : undefined,
          });
          if (tty) process.stderr.write('\n');
          const seconds = Math.round((performance.now() - started) / 100) / 10;
          if (opts.json) return printJson({ ...done, seconds });
          console.log(`${done.seen.toLocaleString('en')} candidates: ${done.computed.toLocaleString('en')} read and stored, the others were up to date (${seconds} s)`);
        });
      }),
    );
  ranking
    .command('reset')
    .description('forget all feedback and outcomes; ranking goes back to the priors')
    .action(
      action(async (_opts: unknown, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          await resetLearning(store, defaultWorkspace);
          console.log('ranking reset to the default priors');
        });
      }),
    );
}

function positiveId(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new AppError('invalid_input', `candidate id must be a positive whole number, got '${raw}'`);
  return id;
}
