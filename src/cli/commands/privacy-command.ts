import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { compactDatabase } from '../../privacy/compact-store.ts';
import { exportCandidateData } from '../../privacy/data-subject-export-store.ts';
import { lawfulBases, lawfulBasisLabels, retentionActions, type PrivacySettings, type StoredPrivacySettings } from '../../privacy/privacy-settings.ts';
import { loadPrivacySettings, parsePrivacySettings, savePrivacySettings } from '../../privacy/privacy-settings-store.ts';
import { retentionDue } from '../../privacy/retention-policy.ts';
import { applyRetention, retentionDryRun, type AuditWriter } from '../../privacy/retention-store.ts';
import { auditCli, localCliActor } from '../cli-audit.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, printJson, withStore } from '../cli-context.ts';

/**
 * `scoutline privacy ...` (docs/privacy.md): a person's data-subject export,
 * the workspace's privacy settings, retention dry run and apply, and
 * compaction. The local CLI acts as the owner of the database; what it
 * exports or changes is audited as `via: cli`.
 */
function candidateId(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new AppError('invalid_input', `candidate id must be a positive whole number, got '${raw}'`);
  return id;
}

const cliAudit: AuditWriter = (db, e) => auditCli(db, defaultWorkspace, e.action, e.target, { ...e.details, via: 'cli' });

function printSettings(s: StoredPrivacySettings): void {
  console.log(`lawful basis:    ${s.lawfulBasis ? lawfulBasisLabels[s.lawfulBasis] : 'not declared'}${s.lawfulBasisNote ? ` (${s.lawfulBasisNote})` : ''}`);
  console.log(`privacy notice:  ${s.privacyNoticeUrl ?? 'none ({{ privacy_notice_url }} renders empty)'}`);
  const r = s.retention;
  console.log(`retention:       ${r.months === null ? 'none' : `${r.action} candidates with no activity for ${r.months} months${r.schedule ? ', applied daily by the worker' : ', applied by hand'}`}`);
  const run = s.lastRetentionRun;
  console.log(`last applied:    ${run ? `${run.at} by ${run.by}: ${run.action === 'erase' ? `${run.erased} erased` : `${run.flagged} flagged`}${run.skipped ? `, ${run.skipped} left for later` : ''}` : 'never'}`);
}

export function registerPrivacyCommands(program: Command): void {
  const privacy = program.command('privacy').description("personal data: a person's export, the workspace's lawful basis, privacy notice and retention (docs/privacy.md)");

  privacy
    .command('export <id>')
    .description('everything held about one candidate, as JSON (a data-subject access request); audited')
    .option('--out <file>', 'write it to this file instead of standard output')
    .action(
      action(async (id: string, opts: { out?: string }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const n = candidateId(id);
          const data = await exportCandidateData(store, defaultWorkspace, n);
          await auditCli(store.db, defaultWorkspace, 'export', `candidate:${n}`, { kind: 'data-subject', via: 'cli', notes: data.notes.length, campaigns: data.outreach.campaigns.length, outcomes: data.outreach.outcomes.length });
          const text = `${JSON.stringify(data, null, 2)}\n`;
          if (!opts.out) return void process.stdout.write(text);
          // 0600: it is one person's whole file
          writeFileSync(opts.out, text, { mode: 0o600 });
          process.stderr.write(`wrote the export of candidate ${n} to ${opts.out}\n`);
        });
      }),
    );

  privacy
    .command('settings')
    .description('show or change the lawful basis, privacy notice and retention policy (options change only what they name)')
    .option('--lawful-basis <basis>', `${lawfulBases.join(' | ')} | none`)
    .option('--lawful-basis-note <text>', 'where it is documented (an assessment, a consent record)')
    .option('--notice-url <url>', "the privacy notice's address (http/https), or 'none'")
    .option('--retention-months <n>', "candidates with no activity for this many months are affected, or 'none'")
    .option('--retention-action <action>', retentionActions.join(' | '))
    .option('--schedule', 'the worker applies the retention policy once a day')
    .option('--no-schedule', 'retention is applied by hand (privacy retention apply)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { lawfulBasis?: string; lawfulBasisNote?: string; noticeUrl?: string; retentionMonths?: string; retentionAction?: string; schedule?: boolean; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const current = await loadPrivacySettings(store.db, defaultWorkspace);
          const scheduleGiven = cmd.getOptionValueSource('schedule') === 'cli';
          const given = [opts.lawfulBasis, opts.lawfulBasisNote, opts.noticeUrl, opts.retentionMonths, opts.retentionAction].some((v) => v !== undefined) || scheduleGiven;
          if (!given) return opts.json ? printJson(current) : printSettings(current);
          const none = (v: string) => v === 'none' || v === '';
          const months = opts.retentionMonths === undefined ? current.retention.months : none(opts.retentionMonths) ? null : Number(opts.retentionMonths);
          const next: unknown = {
            lawfulBasis: opts.lawfulBasis === undefined ? current.lawfulBasis : none(opts.lawfulBasis) ? null : opts.lawfulBasis,
            lawfulBasisNote: opts.lawfulBasisNote ?? current.lawfulBasisNote,
            privacyNoticeUrl: opts.noticeUrl === undefined ? current.privacyNoticeUrl : none(opts.noticeUrl) ? null : opts.noticeUrl,
            retention: { months, action: opts.retentionAction ?? current.retention.action, schedule: scheduleGiven ? opts.schedule === true : current.retention.schedule },
          };
          const { settings, changed } = await savePrivacySettings(store, defaultWorkspace, parsePrivacySettings(next as PrivacySettings), {
            audit: (trx, fields) => auditCli(trx, defaultWorkspace, 'settings_changed', 'privacy', { changed: fields, via: 'cli' }),
          });
          if (opts.json) return printJson({ settings, changed });
          console.log(changed.length ? `changed: ${changed.join(', ')}` : 'nothing changed');
          printSettings(settings);
        });
      }),
    );

  const retention = privacy.command('retention').description('who the retention policy affects, and applying it');
  retention
    .command('dry-run')
    .description('list who the saved policy (or the one given) would flag or erase now; changes nothing')
    .option('--months <n>', 'try another period', parseIntOption('months'))
    .option('--action <action>', retentionActions.join(' | '))
    .option('--limit <n>', 'how many to list', parseIntOption('limit'), 50)
    .option('--json', 'print JSON (every affected candidate)')
    .action(
      action(async (opts: { months?: number; action?: string; limit: number; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const saved = (await loadPrivacySettings(store.db, defaultWorkspace)).retention;
          const policy = parsePrivacySettings({ retention: { ...saved, ...(opts.months !== undefined ? { months: opts.months } : {}), ...(opts.action ? { action: opts.action } : {}) } }).retention;
          const plan = await retentionDryRun(store, defaultWorkspace, policy);
          if (opts.json) return printJson({ policy, cutoff: plan.cutoff, total: plan.affected.length, candidates: plan.affected, unflag: plan.unflag.length });
          if (policy.months === null) return void console.log('no retention policy: give --months, or set one with privacy settings --retention-months');
          console.log(`${plan.affected.length} candidates with no activity since ${plan.cutoff!.slice(0, 10)} would be ${policy.action === 'erase' ? 'erased' : 'flagged'}${plan.unflag.length ? ` (${plan.unflag.length} flags would be lifted)` : ''}:`);
          for (const c of plan.affected.slice(0, opts.limit)) console.log(`${String(c.id).padStart(7)}  ${c.lastActivityAt.slice(0, 10)}  ${c.name || '(no name)'}${c.flaggedAt ? '  [flagged]' : ''}`);
          if (plan.affected.length > opts.limit) console.log(`... and ${plan.affected.length - opts.limit} more (--limit, --json)`);
        });
      }),
    );
  retention
    .command('apply')
    .description("apply the saved policy now: flag or erase who it affects (each erasure audited). For cron: 'scoutline privacy retention apply --if-due'")
    .option('--if-due', 'only when the policy is scheduled and was not applied today (UTC)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { ifDue?: boolean; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          if (opts.ifDue) {
            const s = await loadPrivacySettings(store.db, defaultWorkspace);
            if (!retentionDue(s.retention, s.lastRetentionRun?.at ?? null, new Date().toISOString())) {
              return opts.json ? printJson({ applied: false }) : void console.log('not due: the policy is not scheduled, or was applied today');
            }
          }
          const r = await applyRetention(store, defaultWorkspace, { by: localCliActor(), audit: cliAudit });
          if (opts.json) return printJson({ applied: true, ...r });
          console.log(`${r.action === 'erase' ? `erased ${r.erased}` : `flagged ${r.flagged}`} candidates with no activity since ${r.cutoff?.slice(0, 10)}${r.unflagged ? `; ${r.unflagged} flags lifted` : ''}${r.skipped ? `; ${r.skipped} left for the next run (a message to them was being sent)` : ''}`);
        });
      }),
    );

  privacy
    .command('compact')
    .description('rewrite the database so deleted data also leaves the files (SQLite VACUUM: needs free disk about the size of the database and blocks writers while it runs)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const r = await compactDatabase(store);
          if (opts.json) return printJson(r);
          console.log(`compacted the ${r.dialect} database in ${r.seconds} s`);
        });
      }),
    );
}
