import type { Command } from 'commander';
import type { AuditEntry } from '../../access/audit-store.ts';
import { auditLine } from '../commands/account-format.ts';
import { addAuditOptions, auditFilterFrom, type AuditOpts } from '../commands/audit-command.ts';
import { action, printJson } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';

/** `audit` against a server: the token's workspace's log (admins), with the local command's filters. */
export function registerAuditRemote(program: Command, client: () => RemoteClient): void {
  addAuditOptions(program.command('audit'))
    .description("who did what and when in the token's workspace, newest first (admins)")
    .option('--json', "print the API's JSON")
    .action(
      action(async (opts: AuditOpts & { json?: boolean }) => {
        const f = auditFilterFrom(opts);
        const page = await client().json<{ entries: AuditEntry[]; nextBefore: number | null }>('GET', '/api/audit', { query: { action: f.action, actor: f.actor, from: f.from, to: f.to, before: f.before, limit: f.limit } });
        if (opts.json) return printJson(page);
        for (const e of page.entries) console.log(auditLine(e));
        if (page.entries.length === 0) console.log('no audit entries match');
        else if (page.nextBefore !== null) console.log(`older entries: --before ${page.nextBefore}`);
      }),
    );
}
