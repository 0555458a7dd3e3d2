import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { loadStoreSecretsKey } from '../../access/store-master-key.ts';
import { loadExecutorSettingsView, saveExecutorSettings } from '../../outreach/delivery/executors/executor-settings-store.ts';
import type { ExecutorSettingsView } from '../../outreach/delivery/executors/executor-settings-update.ts';
import { auditCli } from '../cli-audit.ts';
import { action, dbOption, defaultWorkspace, printJson, withStore } from '../cli-context.ts';

/**
 * `scoutline settings executors [--set FILE|-] [--json]`: the workspace's
 * executor settings and inbound webhook secret, as `GET/PUT
 * /api/settings/executors` has them (same rules: a section left out is
 * kept, null removes it; a secret left out is kept, null clears it). The
 * local CLI works on the database file and so acts as the owner; a change
 * is audited (`via: cli`) with the changed field paths, never values.
 * Secrets are sealed with the key `serve` uses (created beside the database
 * when there is none yet) and printed only as set / not set.
 */
export function registerSettingsCommands(program: Command): void {
  const settings = program.command('settings').description('workspace settings that hold secrets (stored encrypted, shown only as set / not set)');
  settings
    .command('executors')
    .description('SMTP, outgoing webhook and sandbox settings, and the inbound outcomes webhook secret; restart the worker after a change')
    .option('--set <file>', "JSON to apply, from a file or '-' for standard input, e.g. {\"smtp\":{\"host\":\"mail.example.com\",\"from\":\"a@example.com\",\"auth\":{\"user\":\"a\",\"pass\":\"...\"}}}")
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { set?: string; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          if (!opts.set) {
            const view = await loadExecutorSettingsView(store.db, defaultWorkspace);
            return opts.json ? printJson(view) : printView(view);
          }
          const input = readJsonInput(opts.set);
          const key = loadStoreSecretsKey(store, { create: true })!;
          const { view, changed } = await saveExecutorSettings(store, defaultWorkspace, input, key, {
            inTransaction: (trx, paths) => auditCli(trx, defaultWorkspace, 'settings_changed', 'executors', { changed: paths }),
          });
          if (opts.json) return printJson({ settings: view, changed });
          console.log(changed.length ? `changed: ${changed.join(', ')}` : 'nothing changed');
          printView(view);
        });
      }),
    );
}

function readJsonInput(source: string): unknown {
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (err) {
    throw new AppError('invalid_input', `cannot read ${source === '-' ? 'standard input' : source}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    // the parser's message can quote the text, which may hold a password: name only the position
    const at = /position (\d+)/.exec((err as Error).message)?.[1];
    throw new AppError('invalid_input', `${source === '-' ? 'standard input' : source} is not valid JSON${at ? ` (at character ${at})` : ''}`);
  }
}

/** One `path: value` line per setting; a secret is `set` or `not set`. */
function printView(view: ExecutorSettingsView): void {
  const lines: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (Object.keys(o).length === 1 && typeof o.set === 'boolean') lines.push(`${path}: ${o.set ? 'set' : 'not set'}`);
      else for (const [k, child] of Object.entries(o)) walk(child, path ? `${path}.${k}` : k);
    } else if (v === null && !path.includes('.')) lines.push(`${path}: not configured (the environment applies, docs/executors.md)`);
    else lines.push(`${path}: ${Array.isArray(v) ? JSON.stringify(v) : String(v)}`);
  };
  walk(view, '');
  for (const l of lines) console.log(l);
}
