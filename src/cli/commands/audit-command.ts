import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { listAudit, type AuditFilter } from '../../access/audit-store.ts';
import { auditActions } from '../../access/audit-action.ts';
import { action, parseIntOption, printJson } from '../cli-context.ts';
import { auditLine } from './account-format.ts';
import { addWorkspaceOption, requireWorkspace, withAccountAccess, type WorkspaceOpts } from './local-account-context.ts';

export interface AuditOpts {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  before?: number;
  limit?: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

/** The audit filters as the API takes them (same checks, so local and remote refuse the same input). */
export function auditFilterFrom(opts: AuditOpts): AuditFilter {
  if (opts.action !== undefined && !(auditActions as readonly string[]).includes(opts.action)) throw new AppError('invalid_input', `--action is one of ${auditActions.join(', ')}; got '${opts.action}'`);
  for (const [name, v] of [['from', opts.from], ['to', opts.to]] as const) {
    if (v !== undefined && !isoDate.test(v)) throw new AppError('invalid_input', `--${name} expects an ISO date, e.g. 2026-12-01; got '${v}'`);
  }
  if (opts.limit !== undefined && (opts.limit < 1 || opts.limit > 500)) throw new AppError('invalid_input', `--limit must be between 1 and 500, got ${opts.limit}`);
  return { action: opts.action, actor: opts.actor, from: opts.from, to: opts.to, before: opts.before, limit: opts.limit };
}

export function addAuditOptions(cmd: Command): Command {
  return cmd
    .option('--action <action>', `only this action (${auditActions.slice(0, 4).join(', ')}, ...)`)
    .option('--actor <text>', 'only actors whose name contains this (part of an email)')
    .option('--from <date>', 'from this time on (ISO, e.g. 2026-12-01)')
    .option('--to <date>', 'before this time (ISO)')
    .option('--before <id>', 'entries older than this id (paging)', parseIntOption('before'))
    .option('--limit <n>', 'how many (1-500, default 100)', parseIntOption('limit'));
}

/** `scoutline audit`: the append-only record of who did what, newest first. */
export function registerAuditCommand(program: Command): void {
  addAuditOptions(addWorkspaceOption(program.command('audit')))
    .description('who did what and when in a workspace, newest first')
    .action(
      action(async (opts: WorkspaceOpts & AuditOpts, cmd: Command) => {
        const filter = auditFilterFrom(opts);
        await withAccountAccess(cmd, undefined, async (store) => {
          await requireWorkspace(store, opts.workspace);
          const page = await listAudit(store, opts.workspace, filter);
          if (opts.json) return printJson(page);
          for (const e of page.entries) console.log(auditLine(e));
          if (page.entries.length === 0) console.log('no audit entries match');
          else if (page.nextBefore !== null) console.log(`older entries: --before ${page.nextBefore}`);
        });
      }),
    );
}
