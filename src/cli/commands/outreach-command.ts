import { resolveCampaignRef } from '../../outreach/campaigns/campaign-ref-store.ts';
import type { Channel } from '../../core/channel.ts';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { openDatabase } from '../../db/open-database.ts';
import { completeTask, pauseSeatForToday } from '../../outreach/delivery/action-store.ts';
import { applyOutcome } from '../../outreach/enrollment/apply-outcome-store.ts';
import { readCandidateIdsFile } from '../../outreach/campaigns/campaign-source-store.ts';
import { createCampaignFromRequest } from '../../outreach/campaigns/create-campaign-store.ts';
import { getCampaign, listCampaigns, setCampaignStatus, updateCampaignSequence } from '../../outreach/campaigns/campaign-store.ts';
import type { CampaignSummary } from '../../outreach/campaigns/campaign.ts';
import type { ExecutorName, OutcomeReport } from '../../outreach/delivery/executor.ts';
import { fastForward } from '../../outreach/simulation/worker-fast-forward.ts';
import { jsonLineLogger } from '../../outreach/delivery/structured-log.ts';
import { addSuppression, listSuppressions, removeSuppression } from '../../outreach/enrollment/suppression-store.ts';
import { listTasks } from '../../outreach/delivery/task-queue-store.ts';
import { loadWorkerExecutors } from '../../outreach/delivery/worker-executors.ts';
import { loadPacingRules, savePacingRules } from '../../outreach/planning/pacing-settings-store.ts';
import { startWorkerLoop } from '../../outreach/delivery/worker-loop.ts';
import { startRetentionSchedule } from '../../privacy/retention-schedule.ts';
import { loadStoreSecretsKey } from '../../access/store-master-key.ts';
import { runWorkerPass } from '../../outreach/delivery/worker.ts';
import { auditCli } from '../cli-audit.ts';
import type { CampaignStatus } from '../../outreach/campaigns/campaign.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, printJson, withStore } from '../cli-context.ts';

const statusAction = { running: 'campaign_launched', paused: 'campaign_paused', stopped: 'campaign_stopped' } as const;

/** The audit entry of a campaign's status change, written in the changing transaction. */
function auditStatusChange(campaignId: string) {
  return {
    inTransaction: (trx: Kysely<Database>, change: { from: CampaignStatus; to: CampaignStatus }) =>
      change.to === 'draft' ? Promise.resolve() : auditCli(trx, defaultWorkspace, statusAction[change.to], `campaign:${campaignId}`, { from: change.from, to: change.to }),
  };
}

/**
 * Outreach commands: campaign, suppress, tasks, worker, outcome. Thin: each
 * parses its options and calls src/outreach.
 */
function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new AppError('invalid_input', `cannot read JSON from ${path}: ${(err as Error).message}`);
  }
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function printCampaign(c: CampaignSummary): void {
  const states = Object.entries(c.byState).map(([k, v]) => `${k} ${v}`).join(', ');
  const actions = Object.entries(c.actions).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`${c.id}  ${c.name}  [${c.status}]  seats: ${c.seatIds.join(', ')}  ${c.enrollments} candidates${states ? ` (${states})` : ''}${actions ? `  actions: ${actions}` : ''}`);
}

const executorChoice = (v: string): ExecutorName => {
  if (!['tasks', 'sandbox', 'smtp', 'webhook'].includes(v)) throw new AppError('invalid_input', `--executor must be tasks, sandbox, smtp or webhook, got '${v}'`);
  return v as ExecutorName;
};

export function registerOutreachCommands(program: Command): void {
  const campaign = program.command('campaign').description('outreach campaigns: create, list, show, launch, pause, stop, steps, simulate');

  campaign
    .command('create')
    .description('create a campaign (the default sequence of spec 6 unless --sequence)')
    .requiredOption('--name <name>', 'campaign name')
    .option('--role <file>', 'ROLE.json: the role profile (priority, message content)')
    .option('--role-id <id>', 'a saved role')
    .option('--company <name>', 'the hiring company the messages name (default: the workspace name)')
    .option('--seat <id>', 'a seat that sends (repeat for several)', collect, [])
    .option('--query <query>', 'candidates from a Boolean search')
    .option('--limit <n>', 'with --query: at most this many candidates, best first', parseIntOption('limit'), 1000)
    .option('--candidates <file>', 'candidates from a file of ids (JSON array or one per line)')
    .option('--ids <ids>', 'candidates by id: 1,2,3')
    .option('--sequence <file>', 'the sequence as JSON (array of steps)')
    .option('--executors <file>', 'JSON map channel -> executor for this campaign')
    .option('--launch', 'launch at once')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { name: string; role?: string; roleId?: string; company?: string; seat: string[]; query?: string; limit: number; candidates?: string; ids?: string; sequence?: string; executors?: string; launch?: boolean; json?: boolean }, cmd: Command) => {
        const sources = [opts.query, opts.candidates, opts.ids].filter((x) => x !== undefined);
        if (sources.length !== 1) throw new AppError('invalid_input', 'give exactly one of --query, --candidates or --ids');
        if (opts.seat.length === 0) throw new AppError('invalid_input', 'give at least one --seat');
        const source = opts.query
          ? { kind: 'query' as const, query: opts.query, limit: opts.limit }
          : opts.candidates
            ? { kind: 'file' as const, name: opts.candidates, ids: readCandidateIdsFile(opts.candidates) }
            : { kind: 'ids' as const, ids: opts.ids!.split(',').map((s) => Number(s.trim())) };
        const request = {
          name: opts.name,
          roleId: opts.roleId ?? null,
          role: opts.role ? readJsonFile(opts.role) : null,
          ...(opts.company !== undefined ? { company: opts.company } : {}),
          seatIds: opts.seat,
          source,
          sequence: opts.sequence ? readJsonFile(opts.sequence) : null,
          executors: opts.executors ? readJsonFile(opts.executors) : {},
        };
        await withStore(dbOption(cmd), async (store) => {
          const created = await createCampaignFromRequest(store, defaultWorkspace, request, {
            inTransaction: (trx, cmp) => auditCli(trx, defaultWorkspace, 'campaign_created', `campaign:${cmp.id}`, { seatIds: opts.seat, source: source.kind, candidates: cmp.enrolled }),
          });
          const c = opts.launch ? await setCampaignStatus(store, defaultWorkspace, created.id, 'running', new Date().toISOString(), auditStatusChange(created.id)) : created;
          if (opts.json) return printJson(c);
          printCampaign(c);
        });
      }),
    );

  campaign
    .command('list')
    .description('list campaigns')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const all = await listCampaigns(store, defaultWorkspace);
          if (opts.json) return printJson(all);
          for (const c of all) printCampaign(c);
          if (all.length === 0) console.log('no campaigns yet');
        });
      }),
    );

  campaign
    .command('show <campaign>')
    .description('show a campaign with its sequence and counts')
    .action(
      action(async (id: string, _opts: unknown, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => printJson(await getCampaign(store, defaultWorkspace, await resolveCampaignRef(store, defaultWorkspace, id))));
      }),
    );

  for (const [name, to, what] of [
    ['launch', 'running', 'start (or resume) sending'],
    ['pause', 'paused', 'stop planning; planned actions are cancelled and planned again on launch'],
    ['stop', 'stopped', 'end the campaign: every active enrollment stops'],
  ] as const) {
    campaign
      .command(`${name} <campaign>`)
      .description(what)
      .option('--json', 'print JSON')
      .action(
        action(async (ref: string, opts: { json?: boolean }, cmd: Command) => {
          await withStore(dbOption(cmd), async (store) => {
            const id = await resolveCampaignRef(store, defaultWorkspace, ref);
            const c = await setCampaignStatus(store, defaultWorkspace, id, to, new Date().toISOString(), auditStatusChange(id));
            if (opts.json) return printJson(c);
            printCampaign(c);
          });
        }),
      );
  }

  campaign
    .command('steps <campaign>')
    .description('show the sequence, or replace it with --set FILE (steps a candidate reached cannot change)')
    .option('--set <file>', 'the new sequence as JSON')
    .option('--json', 'print JSON')
    .action(
      action(async (ref: string, opts: { set?: string; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const id = await resolveCampaignRef(store, defaultWorkspace, ref);
          const c = opts.set ? await updateCampaignSequence(store, defaultWorkspace, id, readJsonFile(opts.set)) : await getCampaign(store, defaultWorkspace, id);
          if (opts.json) return printJson(c.sequence);
          c.sequence.forEach((s, i) => {
            const cond = s.conditions.map((x) => ('days' in x ? `${x.kind}(${x.days})` : 'value' in x ? `${x.kind}(${x.value})` : x.kind)).join(', ');
            console.log(`${i + 1}. ${s.key}: ${s.channel}, ${s.delayDays} day(s) after ${s.anchor}${s.windowDays !== null ? `, within ${s.windowDays} day(s)` : ''}${cond ? ` if ${cond}` : ''}`);
            for (const v of s.variants ?? []) console.log(`     variant ${v.key} (weight ${v.weight}): ${v.template.length > 60 ? `${v.template.slice(0, 57).replace(/\n/g, ' ')}...` : v.template.replace(/\n/g, ' ')}`);
          });
        });
      }),
    );

  const suppress = program.command('suppress').description('the do-not-contact list, checked before every action in every campaign');
  suppress
    .command('add')
    .description('suppress a person (stops their active enrollments at once)')
    .option('--candidate <id>', 'candidate id', parseIntOption('candidate'))
    .option('--email <email>', 'email address')
    .option('--profile <url>', 'LinkedIn profile URL')
    .option('--reason <reason>', 'do_not_contact | opted_out | in_process', 'do_not_contact')
    .option('--note <text>', 'why', '')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { candidate?: number; email?: string; profile?: string; reason: string; note: string; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const r = await addSuppression(store, defaultWorkspace, { candidateId: opts.candidate ?? null, email: opts.email ?? null, profileUrl: opts.profile ?? null, reason: opts.reason, note: opts.note });
          if (opts.json) return printJson(r);
          console.log(`suppression ${r.entry.id} added; ${r.stoppedEnrollments.length} enrollment(s) stopped`);
        });
      }),
    );
  suppress
    .command('list')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const all = await listSuppressions(store, defaultWorkspace);
          if (opts.json) return printJson(all);
          for (const s of all) console.log(`${s.id}  ${s.reason}  ${[s.candidateId !== null ? `candidate ${s.candidateId}` : '', s.email ?? '', s.profileUrl ?? ''].filter(Boolean).join('  ')}${s.note ? `  (${s.note})` : ''}`);
          if (all.length === 0) console.log('nobody is suppressed');
        });
      }),
    );
  suppress
    .command('remove <id>')
    .action(
      action(async (id: string, _opts: unknown, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          await removeSuppression(store, defaultWorkspace, Number(id));
          console.log(`suppression ${id} removed`);
        });
      }),
    );

  const tasks = program.command('tasks').description("the recruiter's queue of ready-to-do LinkedIn actions");
  tasks
    .command('list')
    .option('--seat <id>', 'only this seat')
    .option('--limit <n>', 'how many', parseIntOption('limit'), 50)
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { seat?: string; limit: number; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const all = await listTasks(store, defaultWorkspace, { seatId: opts.seat, limit: opts.limit });
          if (opts.json) return printJson(all);
          for (const t of all) {
            console.log(`${t.actionId}  ${t.dueAt}  ${t.channel}${t.channel === 'connection_request' ? (t.withNote ? ' (with note)' : ' (no note)') : ''}${t.variant ? ` [variant ${t.variant}]` : ''}  ${t.candidateName}  ${t.profileUrl ?? t.email ?? ''}`);
            if (t.subject) console.log(`    subject: ${t.subject}`);
            if (t.body) console.log(`    ${t.body.replace(/\n/g, '\n    ')}`);
            for (const f of t.lint) console.log(`    ${f.severity}: ${f.code}: ${f.message}`);
          }
          if (all.length === 0) console.log('no tasks waiting');
        });
      }),
    );
  for (const [name, outcome] of [
    ['done', 'done'],
    ['skip', 'skipped'],
    ['fail', 'failed'],
  ] as const) {
    tasks
      .command(`${name} <actionId>`)
      .description(`mark a task ${outcome}`)
      .option('--message <text>', 'why (skip / fail)', '')
      .option('--json', 'print JSON')
      .action(
        action(async (id: string, opts: { message: string; json?: boolean }, cmd: Command) => {
          await withStore(dbOption(cmd), async (store) => {
            const row = await completeTask(store, defaultWorkspace, id, outcome, new Date().toISOString(), opts.message, { recordedBy: 'cli' });
            if (opts.json) return printJson({ actionId: row.id, status: row.status });
            console.log(`task ${row.id}: ${row.status}`);
          });
        }),
      );
  }
  tasks
    .command('limit')
    .description('LinkedIn reported a limit: pause the seat for the rest of its day')
    .requiredOption('--seat <id>', 'the seat')
    .option('--reason <text>', 'what LinkedIn said', 'limit reported by the recruiter')
    .action(
      action(async (opts: { seat: string; reason: string }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const r = await pauseSeatForToday(store, defaultWorkspace, opts.seat, opts.reason);
          console.log(`seat ${r.seatId} paused for ${r.pausedOn}`);
        });
      }),
    );

  program
    .command('pacing')
    .description("the workspace's pacing rules (spec 4): withdrawal age, pending limit, re-invite block, note quota, daily limits, weekday weights")
    .option('--set <file>', 'JSON of the rules to override (the others take their defaults)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { set?: string; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const set = opts.set ? readJsonFile(opts.set) : undefined;
          const rules =
            set !== undefined
              ? await savePacingRules(store, defaultWorkspace, set, { inTransaction: (trx) => auditCli(trx, defaultWorkspace, 'settings_changed', 'outreach.pacing', { rules: set }) })
              : await loadPacingRules(store.db, defaultWorkspace);
          if (opts.json) return printJson(rules);
          for (const [k, v] of Object.entries(rules)) console.log(`${k}: ${Array.isArray(v) ? v.join(', ') : v}`);
        });
      }),
    );

  program
    .command('worker')
    .description('run the outreach worker: plan each seat day, execute due actions, apply outcomes (JSON-line logs)')
    .option('--once', 'one pass, then exit')
    .option('--executor <name>', 'run every channel through one executor: sandbox | tasks (also smtp, webhook)', executorChoice)
    .option('--interval <seconds>', 'seconds between passes', parseIntOption('interval'), 15)
    .option('--seed <seed>', 'sandbox seed', '1')
    .option('--fast-forward <days>', 'run on a virtual clock for this many days (demo; sandbox by default)', parseIntOption('fast-forward'))
    .option('--step-minutes <n>', 'with --fast-forward: minutes per pass', parseIntOption('step-minutes'), 60)
    .option('--start <date>', 'with --fast-forward: the virtual clock\'s start, ISO date or timestamp (default: today 00:00 UTC)')
    .action(
      action(async (opts: { once?: boolean; executor?: ExecutorName; interval: number; seed: string; fastForward?: number; stepMinutes: number; start?: string }, cmd: Command) => {
        const log = jsonLineLogger((line) => process.stdout.write(`${line}\n`));
        if (opts.fastForward !== undefined) {
          await withStore(dbOption(cmd), async (store) => {
            const r = await fastForward(store, { days: opts.fastForward!, stepMinutes: opts.stepMinutes, executor: opts.executor ?? 'sandbox', seed: opts.seed, log, ...(opts.start ? { start: opts.start } : {}) });
            log('info', 'fast-forward done', { ...r });
          });
          return;
        }
        if (opts.once) {
          await withStore(dbOption(cmd), async (store) => {
            const executors = await loadWorkerExecutors(store, { sandboxSeed: opts.seed, secretsKey: loadStoreSecretsKey(store, { create: false }) });
            for (const e of executors.errors) log('error', 'executor settings unreadable: only tasks for this workspace', { workspaceId: e.workspaceId, error: e.message });
            try {
              const r = await runWorkerPass(store, { registry: executors.registry, registryFor: executors.registryFor, override: opts.executor ?? null, log, seed: opts.seed, takeDueOutcomes: executors.takeDueOutcomes });
              log('info', 'worker pass', { ...r });
            } finally {
              executors.close();
            }
          });
          return;
        }
        const store = await openDatabase(dbOption(cmd));
        const worker = startWorkerLoop(store, { log: (line) => process.stdout.write(`${line}\n`), executor: opts.executor ?? null, intervalSeconds: opts.interval, sandboxSeed: opts.seed, secretsKey: loadStoreSecretsKey(store, { create: false }) });
        // scheduled retention policies go with the worker (docs/privacy.md)
        const retention = startRetentionSchedule(store, { log: (line) => process.stdout.write(`${line}\n`) });
        await new Promise<void>((resolve) => {
          const shutdown = () => resolve();
          process.once('SIGINT', shutdown);
          process.once('SIGTERM', shutdown);
        });
        await worker.stop();
        await retention.stop();
        await store.close();
      }),
    );

  program
    .command('outcome <candidate>')
    .description('report an outcome: accepted, replied, bounced, declined_invitation (a reply stops the sequence; an InMail reply refunds)')
    .requiredOption('--kind <kind>', 'accepted | replied | bounced | declined_invitation')
    .option('--reply-kind <kind>', 'with --kind replied: positive | negative | decline | quick_reply')
    .option('--campaign <id>', 'only this campaign (default: every active enrollment of the candidate)')
    .option('--channel <channel>', 'the channel the answer came through (inmail refunds)')
    .option('--at <iso>', 'when (default now)')
    .option('--id <id>', "the outcome's own id: reporting the same id again changes nothing (default: derived from what it says)")
    .option('--json', 'print JSON')
    .action(
      action(async (candidate: string, opts: { kind: string; replyKind?: string; campaign?: string; channel?: string; at?: string; id?: string; json?: boolean }, cmd: Command) => {
        const report = {
          ...(opts.id !== undefined ? { id: opts.id } : {}),
          candidateId: Number(candidate),
          kind: opts.kind,
          ...(opts.replyKind ? { replyKind: opts.replyKind } : {}),
          ...(opts.channel ? { channel: opts.channel as Channel } : {}),
          campaignId: opts.campaign ?? null,
          at: opts.at ?? new Date().toISOString(),
          source: 'cli',
        } as OutcomeReport;
        await withStore(dbOption(cmd), async (store) => {
          const r = await applyOutcome(store, defaultWorkspace, report);
          if (opts.json) return printJson(r);
          if (r.duplicate) return void console.log(`outcome ${r.id} was reported before: nothing changed`);
          for (const c of r.changes) console.log(`${c.enrollmentId}: ${c.from} -> ${c.to}${c.applied ? '' : ' (not allowed: recorded only)'}`);
          for (const f of r.refunds) console.log(`seat ${f.seatId}: InMail closed${f.refunded ? ', 1 credit refunded' : ', no refund'}`);
        });
      }),
    );
}
