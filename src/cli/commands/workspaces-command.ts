import type { Command } from 'commander';
import { createWorkspace } from '../../access/membership-store.ts';
import { action, printJson } from '../cli-context.ts';
import { auditCli } from '../cli-audit.ts';
import { findUserByEmail, withAccountAccess } from './local-account-context.ts';

/** `scoutline workspaces list|create`: the teams in this database. */
export function registerWorkspacesCommands(program: Command): void {
  const workspaces = program.command('workspaces').description('workspaces (teams) in this database (local CLI only)');

  workspaces
    .command('list')
    .description('every workspace with its members per role')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        await withAccountAccess(cmd, undefined, async (store) => {
          const rows = await store.db.selectFrom('workspaces').select(['id', 'name', 'created_at']).orderBy('created_at').orderBy('id').execute();
          const members = await store.db.selectFrom('workspace_members').select(['workspace_id', 'role']).execute();
          const list = rows.map((w) => {
            const counts: Record<string, number> = {};
            for (const m of members) if (m.workspace_id === w.id) counts[m.role] = (counts[m.role] ?? 0) + 1;
            return { id: w.id, name: w.name, createdAt: w.created_at, members: counts };
          });
          if (opts.json) return printJson({ workspaces: list });
          for (const w of list) console.log(`${w.id.padEnd(24)} ${w.name}  ${Object.entries(w.members).map(([r, n]) => `${n} ${r}`).join(', ') || 'no members'}`);
        });
      }),
    );

  workspaces
    .command('create <name>')
    .description('create a workspace with an owner')
    .requiredOption('--owner <email>', 'its owner (an existing user)')
    .option('--json', 'print JSON')
    .action(
      action(async (name: string, opts: { owner: string; json?: boolean }, cmd: Command) => {
        await withAccountAccess(cmd, undefined, async (store) => {
          const owner = await findUserByEmail(store, opts.owner);
          const w = await createWorkspace(store, name, owner.id);
          await auditCli(store.db, w.id, 'workspace_created', w.id, { owner: owner.email });
          if (opts.json) return printJson({ id: w.id, name: w.name, owner: owner.email });
          console.log(`created workspace ${w.id} (${w.name}), owner ${owner.email}`);
        });
      }),
    );
}
